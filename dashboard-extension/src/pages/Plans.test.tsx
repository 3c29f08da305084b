import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, never, renderApp, standInBridge } from "../test-utils";

const PLAN = {
  id: "U2VydmljZVBsYW46MQ==", name: "VPS 4 GB", variantId: "UHJvZHVjdFZhcmlhbnQ6MQ==", productId: null,
  billingCycle: "MONTHLY", allowPause: true, allowCancel: true, cancellationMode: "REQUEST", noticePeriodDays: 30,
  activationMode: "AUTOMATIC", servicesCount: 2, allowReactivation: false, automationOverrides: {}, changeTargets: [], price: null,
  prices: [{ channelSlug: "default-channel", price: { amount: 12.5, currency: "USD" } }],
};

function plansPage(answer: (query: string) => unknown, locale = "en") {
  const { bridge, handshake } = standInBridge("t", locale);
  const api = fakeApi(answer);
  renderApp(bridge, api.fetchImpl, "/plans");
  handshake();
  return api;
}

describe("Plans", () => {
  it("lists each plan with its price per channel and notice period", async () => {
    plansPage(() => ({ servicePlans: { totalCount: 1, edges: [{ node: PLAN }] } }));
    await screen.findByTestId("plans");
    const text = document.querySelector('[data-plan="VPS 4 GB"]')!.textContent!;
    expect(text).toContain("$12.50 (default-channel)");
    expect(text).toContain("30 days' notice");
    // A plan in use cannot be deleted: its button is disabled and not drawn destructive.
    const remove = document.querySelector('[data-delete="VPS 4 GB"]') as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
  });

  it("says when a plan has no price yet", async () => {
    plansPage(() => ({ servicePlans: { totalCount: 1, edges: [{ node: { ...PLAN, prices: [] } }] } }));
    expect((await screen.findByTestId("plan-prices")).textContent).toBe("No price set");
  });

  it("has a loading state", async () => {
    plansPage(never);
    expect(await screen.findByTestId("loading")).toBeTruthy();
  });

  it("has an empty state", async () => {
    plansPage(() => ({ servicePlans: { totalCount: 0, edges: [] } }));
    expect((await screen.findByTestId("empty")).textContent).toContain("No service plans yet");
  });

  it("has an error state", async () => {
    plansPage(() => ({ errors: [{ message: "You need MANAGE_ORDERS." }] }));
    expect((await screen.findByTestId("error")).textContent).toContain("You need MANAGE_ORDERS.");
  });

  it("is in the Dashboard's language", async () => {
    plansPage(() => ({ servicePlans: { totalCount: 1, edges: [{ node: PLAN }] } }), "fr");
    await screen.findByTestId("plans");
    const text = document.querySelector('[data-plan="VPS 4 GB"]')!.textContent!;
    expect(text).toContain("30 jours de préavis");
    expect(text).toContain("Mensuel");
    expect(text).toContain("Examen par l'équipe");
    expect(screen.getByText("Nouvelle formule")).toBeTruthy();
  });

  it("says why a deletion was refused, in the Dashboard's language, and keeps the plan listed", async () => {
    const unused = { ...PLAN, servicesCount: 0 };
    const api = plansPage((query) => query.includes("mutation PlanDelete(")
      ? { result: { servicePlan: null, errors: [{ field: "id", code: "PLAN_IN_USE", message: "Services use it." }] } }
      : { servicePlans: { totalCount: 1, edges: [{ node: unused }] } }, "fr");
    await screen.findByTestId("plans");
    fireEvent.click(document.querySelector('[data-delete="VPS 4 GB"]')!);
    const dialog = await screen.findByRole("dialog", { name: "Supprimer la formule VPS 4 GB ?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect((await screen.findByTestId("typed-errors")).textContent)
      .toBe("Des services utilisent encore cette formule : elle ne peut pas être supprimée.");
    await waitFor(() => expect(api.requests.filter((request) => request.query.includes("query Plans {")).length).toBe(2));
    expect((await screen.findByTestId("plans")).querySelectorAll("[data-plan]")).toHaveLength(1);
    expect(document.querySelector('[data-plan="VPS 4 GB"]')!.textContent).toContain("$12.50 (default-channel)");
  });
});
