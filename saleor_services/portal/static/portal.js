// Progressive enhancement only: every page works without it.
document.querySelectorAll("form[data-autosubmit] select").forEach((select) => {
  select.addEventListener("change", () => select.form.requestSubmit());
});

// Links marked data-dialog (the cancellation form) open their page's form section in a
// modal dialog instead of leaving the page. The form posts as on its own page: a refusal
// (400) is shown in the dialog, success follows the server's redirect. Anything else
// (a session that ended, a network error) falls back to the page itself.
(() => {
  if (typeof HTMLDialogElement !== "function") return;
  const dialog = document.createElement("dialog");
  dialog.className = "dialog";
  dialog.dataset.testid = "portal-dialog";
  document.body.append(dialog);
  let opener = null;

  const section = (html) =>
    new DOMParser().parseFromString(html, "text/html").querySelector("[data-dialog-content]");

  const show = (content) => {
    dialog.replaceChildren(document.adoptNode(content));
    const title = content.getAttribute("aria-labelledby");
    if (title) dialog.setAttribute("aria-labelledby", title);
    if (!dialog.open) dialog.showModal();
    const focus = dialog.querySelector("[role=alert]") ? dialog.querySelector("input[type=password]") : null;
    (focus || dialog.querySelector("input, select, textarea, button"))?.focus();
  };

  document.addEventListener("click", async (event) => {
    const link = event.target.closest("a[data-dialog]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    opener = link;
    try {
      const response = await fetch(link.href, { credentials: "same-origin" });
      const content = response.ok && !response.redirected ? section(await response.text()) : null;
      if (content) show(content);
      else window.location.assign(link.href);
    } catch {
      window.location.assign(link.href);
    }
  });

  dialog.addEventListener("click", (event) => {
    if (event.target.closest("[data-dialog-close]")) {
      event.preventDefault();
      dialog.close();
    }
  });

  dialog.addEventListener("close", () => {
    dialog.replaceChildren();
    opener?.focus();
  });

  dialog.addEventListener("submit", async (event) => {
    const form = event.target;
    event.preventDefault();
    const buttons = form.querySelectorAll("button[type=submit]");
    buttons.forEach((button) => { button.disabled = true; });
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
      const content = response.status === 400 ? section(await response.text()) : null;
      if (content) show(content);
      else window.location.assign(response.url);
    } catch {
      form.submit();
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
  });
})();
