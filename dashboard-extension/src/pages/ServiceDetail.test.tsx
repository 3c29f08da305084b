import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DETAIL, fakeApi, never, renderApp, standInBridge } from "../test-utils";

const PATH = "/services/U2VydmljZTox";

const DONE = () => ({ result: { errors: [], service: null } });

function detailPage(availableActions: string[], { locale = "en", onAction = DONE as () => unknown } = {}) {
  const { bridge, handshake, changeLocale, dispatched } = standInBridge("t", locale);
  const api = fakeApi((query) => query.includes("mutation") ? onAction() : { service: { ...DETAIL, availableActions } });
  renderApp(bridge, api.fetchImpl, PATH);
  handshake();
  return { ...api, changeLocale, dispatched };
}

const offered = () => Array.from(screen.getByTestId("actions").querySelectorAll("button"))
  .map((button) => button.getAttribute("data-action"));

describe("Service detail", () => {
  it("shows the loading state until the API answers", async () => {
    const { bridge, handshake } = standInBridge();
    renderApp(bridge, fakeApi(never).fetchImpl, PATH);
    handshake();
    expect(await screen.findByTestId("loading")).toBeTruthy();
  });

  it("shows an error with a retry when the API fails", async () => {
    const { bridge, handshake } = standInBridge();
    renderApp(bridge, fakeApi(() => ({ errors: [{ message: "You need MANAGE_ORDERS." }] })).fetchImpl, PATH);
    handshake();
    const error = await screen.findByTestId("error");
    expect(error.textContent).toContain("You need MANAGE_ORDERS.");
    expect(within(error).getByRole("button", { name: "Try again" })).toBeTruthy();
  });

  it("says so when the service does not exist", async () => {
    const { bridge, handshake } = standInBridge();
    renderApp(bridge, fakeApi(() => ({ service: null })).fetchImpl, PATH);
    handshake();
    expect((await screen.findByTestId("error")).textContent).toContain("This service does not exist.");
  });

  it("offers only the available actions, and says when there is none", async () => {
    detailPage(["SUSPEND", "CANCEL", "MARK_FRAUD"]);
    await screen.findByTestId("service-detail");
    expect(offered()).toEqual(["SUSPEND", "CANCEL", "MARK_FRAUD"]);
    expect(screen.queryByText("Activate")).toBeNull();
    expect(screen.queryByText("Unsuspend")).toBeNull();
  });

  it("offers Reactivate on a cancelled service the API allows it for", async () => {
    detailPage(["REACTIVATE", "TERMINATE", "ARCHIVE"]);
    await screen.findByTestId("service-detail");
    expect(offered()).toEqual(["REACTIVATE", "TERMINATE", "ARCHIVE"]);
    expect(screen.getByRole("button", { name: "Reactivate" })).toBeTruthy();
  });

  it("says that no action is available", async () => {
    detailPage([]);
    await screen.findByTestId("service-detail");
    expect(offered()).toEqual([]);
    expect(screen.getByText("No action is available in this status.")).toBeTruthy();
  });

  it("asks for confirmation before acting, and Back does nothing", async () => {
    const { requests } = detailPage(["SUSPEND"]);
    await screen.findByTestId("service-detail");
    fireEvent.click(screen.getByRole("button", { name: "Suspend" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("Suspend this service?");
    expect(dialog.textContent).toContain("Hosting (shop.example.com) is active.");
    fireEvent.click(within(dialog).getByRole("button", { name: "Back" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(requests.some((request) => request.query.includes("mutation"))).toBe(false);
  });

  it("writes a refusal as a sentence, not as its code, and shows what is allowed now", async () => {
    let status = "SUSPENDED";
    const { bridge, handshake } = standInBridge();
    const api = fakeApi((query) => {
      if (query.includes("mutation")) {
        status = "ACTIVE"; // someone else unsuspended it meanwhile
        return { result: { service: null, errors: [{ field: null, code: "INVALID_TRANSITION",
          message: "Cannot unsuspend a service that is active." }] } };
      }
      return { service: { ...DETAIL, status, availableActions: status === "ACTIVE" ? ["SUSPEND"] : ["UNSUSPEND"] } };
    });
    renderApp(bridge, api.fetchImpl, PATH);
    handshake();
    await screen.findByTestId("service-detail");
    fireEvent.click(screen.getByRole("button", { name: "Unsuspend" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Unsuspend" }));

    const refusal = await screen.findByTestId("typed-errors");
    expect(refusal.textContent).toBe("This isn't possible while the service is active. The page now shows what it allows.");
    expect(refusal.textContent).not.toContain("INVALID_TRANSITION");
    await waitFor(() => expect(offered()).toEqual(["SUSPEND"]));
  });

  it("follows the Dashboard's language: French, then German after localeChanged", async () => {
    const { changeLocale } = detailPage(["SUSPEND", "TERMINATE"], { locale: "fr" });
    await screen.findByTestId("service-detail");
    expect(screen.getByRole("button", { name: "Suspendre" })).toBeTruthy();
    expect(screen.getByText("● Actif")).toBeTruthy();

    changeLocale("de");
    expect(await screen.findByRole("button", { name: "Sperren" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Beenden" })).toBeTruthy();
  });

  it("writes refusals in the Dashboard's language", async () => {
    detailPage(["CANCEL"], {
      locale: "de",
      onAction: () => ({ result: { service: null, errors: [{ field: null, code: "NOT_ALLOWED_BY_PLAN", message: "No." }] } }),
    });
    await screen.findByTestId("service-detail");
    fireEvent.click(screen.getByRole("button", { name: "Kündigen" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Kündigen" }));
    expect((await screen.findByTestId("typed-errors")).textContent).toBe("Der Tarif des Service erlaubt das nicht.");
  });

  it("marks an open renewal paid after a confirmation, and offers nothing on a paid one", async () => {
    const renewal = (id: string, status: string) => ({ id, kind: "RENEWAL", periodStart: "2026-06-01", periodEnd: "2026-07-01",
      dueDate: "2026-06-01", status, amount: { amount: 9.99, currency: "USD" } });
    const { bridge, handshake, dispatched } = standInBridge();
    const api = fakeApi((query) => query.includes("serviceRenewalMarkPaid") ? { result: { errors: [] } }
      : { service: { ...DETAIL, renewals: [renewal("UmVuZXdhbDox", "OPEN"), renewal("UmVuZXdhbDoy", "PAID")] } });
    renderApp(bridge, api.fetchImpl, PATH);
    handshake();
    await screen.findByTestId("service-detail");
    expect(document.querySelectorAll('[data-renewal="UmVuZXdhbDoy"]')).toHaveLength(0);
    fireEvent.click(document.querySelector('[data-task="markPaid"][data-renewal="UmVuZXdhbDox"]')!);
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("Record this renewal as paid?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Mark paid" }));
    await waitFor(() => expect(api.requests.some((r) => r.query.includes("serviceRenewalMarkPaid"))).toBe(true));
    expect(api.requests.find((r) => r.query.includes("serviceRenewalMarkPaid"))!.variables).toEqual({ id: "UmVuZXdhbDox" });
    await waitFor(() => expect(dispatched.some((a) => a.type === "notification")).toBe(true));
  });

  it("offers a provisioning retry only after a failure", async () => {
    const { bridge, handshake } = standInBridge();
    renderApp(bridge, fakeApi(() => ({ service: { ...DETAIL, provisioningState: "FAILED", provisioningError: "Timeout" } })).fetchImpl, PATH);
    handshake();
    await screen.findByTestId("service-detail");
    expect(screen.getByRole("button", { name: "Retry provisioning" })).toBeTruthy();
  });

  it("opens the Saleor order and customer through the Dashboard", async () => {
    const { bridge, handshake, dispatched } = standInBridge();
    renderApp(bridge, fakeApi(() => ({ service: { ...DETAIL, orderId: "0b5e6a3c-2d1f-4e8a-9c7b-111111111111" } })).fetchImpl, PATH);
    handshake();
    await screen.findByTestId("service-detail");
    expect(screen.queryByRole("button", { name: "Retry provisioning" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Order in Saleor" }));
    fireEvent.click(screen.getByRole("button", { name: "Customer in Saleor" }));
    await waitFor(() => expect(dispatched.filter((a) => a.type === "redirect")).toHaveLength(2));
    expect(dispatched.filter((a) => a.type === "redirect").map((a) => a.payload.to)).toEqual([
      `/orders/${encodeURIComponent(btoa("Order:0b5e6a3c-2d1f-4e8a-9c7b-111111111111"))}`,
      "/customers/?query=ada%40example.com",
    ]);
  });

  it("says why marking a renewal paid was refused, in the Dashboard's language, and the renewal stays open", async () => {
    const renewal = { id: "UmVuZXdhbDox", kind: "RENEWAL", periodStart: "2026-06-01", periodEnd: "2026-07-01",
      dueDate: "2026-06-01", status: "OPEN", amount: { amount: 9.99, currency: "USD" } };
    const { bridge, handshake } = standInBridge("t", "de");
    const api = fakeApi((query) => query.includes("serviceRenewalMarkPaid")
      ? { result: { errors: [{ field: "id", code: "NOT_FOUND", message: "Renewal not found." }] } }
      : { service: { ...DETAIL, renewals: [renewal] } });
    renderApp(bridge, api.fetchImpl, PATH);
    handshake();
    await screen.findByTestId("service-detail");
    fireEvent.click(document.querySelector('[data-task="markPaid"][data-renewal="UmVuZXdhbDox"]')!);
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Als bezahlt markieren" }));
    expect((await screen.findByTestId("typed-errors")).textContent)
      .toBe("Das gibt es nicht mehr: Vielleicht hat es jemand entfernt.");
    await waitFor(() => expect(api.requests.filter((r) => r.query.includes("query Service(")).length).toBe(2));
    await screen.findByTestId("service-detail");
    expect(document.querySelector('[data-task="markPaid"][data-renewal="UmVuZXdhbDox"]')).toBeTruthy();
  });
});
