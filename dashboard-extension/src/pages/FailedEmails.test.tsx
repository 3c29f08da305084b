import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, never, renderApp, standInBridge } from "../test-utils";

const EMAIL = {
  id: "U2VydmljZUV2ZW50OjE=", eventType: "RENEWAL_CREATED", date: "2026-06-01T03:00:00+00:00",
  recipient: "ada@example.com", attempts: 5, error: "SMTPRecipientsRefused",
  service: { id: "U2VydmljZTox", productName: "Hosting", domain: "shop.example.com" },
};

function failedEmails(answer: (query: string, variables: Record<string, unknown>) => unknown, locale = "en") {
  const { bridge, handshake } = standInBridge("t", locale);
  const api = fakeApi(answer);
  renderApp(bridge, api.fetchImpl, "/failed-emails");
  handshake();
  return api;
}

describe("Failed e-mails", () => {
  it("lists each failed e-mail with its error, and sends one again", async () => {
    const api = failedEmails((query) => (query.includes("serviceEmailRetry")
      ? { result: { errors: [] } } : { serviceFailedEmails: [EMAIL] }));
    expect((await screen.findByTestId("email-error")).textContent).toBe("SMTPRecipientsRefused");
    fireEvent.click(screen.getByRole("button", { name: "Send again" }));
    expect((await screen.findByTestId("notice")).textContent).toBe("The e-mail to ada@example.com is queued again.");
    expect(api.requests.at(-1)!.variables).toEqual({ id: EMAIL.id });
    await waitFor(() => expect(screen.queryByTestId("email-error")).toBeNull());
  });

  it("says why a retry was refused, and keeps the e-mail listed", async () => {
    failedEmails((query) => (query.includes("serviceEmailRetry")
      ? { result: { errors: [{ field: "id", code: "INVALID_TRANSITION", message: "Only a failed e-mail can be sent again." }] } }
      : { serviceFailedEmails: [EMAIL] }));
    fireEvent.click(await screen.findByRole("button", { name: "Send again" }));
    expect((await screen.findByTestId("notice")).textContent).toBe("Only an e-mail that failed can be sent again: it may have been sent meanwhile.");
    expect(screen.getByTestId("email-error")).toBeTruthy();
  });

  it("is in the Dashboard's language, the e-mail's kind too", async () => {
    failedEmails(() => ({ serviceFailedEmails: [EMAIL] }), "de");
    expect(await screen.findByRole("button", { name: "Erneut senden" })).toBeTruthy();
    expect(screen.getByTestId("email-kind").textContent).toBe("Zu zahlende Verlängerung");
  });

  it.each([
    ["en", "RENEWAL_REMINDER", "Payment reminder"],
    ["fr", "RENEWAL_REMINDER", "Rappel de paiement"],
    ["fr", "CREATED", "Service activé"],
    ["de", "TERMINATION_WARNING", "Beendigungswarnung"],
  ])("names the kind of e-mail in %s (%s), never the API's value", async (locale, eventType, name) => {
    failedEmails(() => ({ serviceFailedEmails: [{ ...EMAIL, eventType }] }), locale);
    expect((await screen.findByTestId("email-kind")).textContent).toBe(name);
  });

  it("has a loading state", async () => {
    failedEmails(never);
    expect(await screen.findByTestId("loading")).toBeTruthy();
  });

  it("says when there is none", async () => {
    failedEmails(() => ({ serviceFailedEmails: [] }));
    expect((await screen.findByTestId("empty")).textContent).toContain("No failed e-mails");
  });

  it("has an error state", async () => {
    failedEmails(() => ({ errors: [{ message: "Not allowed." }] }));
    expect((await screen.findByTestId("error")).textContent).toContain("Not allowed.");
  });
});
