import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DETAIL, fakeApi, never, renderApp, standInBridge } from "../test-utils";

const PATH = "/services/U2VydmljZTox";
const SERVICE = {
  ...DETAIL, availableActions: ["SUSPEND"], serverHostname: "web1.example", username: "ada", packageName: "basic",
  options: { region: "eu" },
  plan: { id: "UGxhbjox", name: "Hosting", changeTargets: [{ id: "UGxhbjoy", name: "Hosting Pro" }] },
};
const GERMAN_UNIQUE = "Etwas mit diesen Angaben gibt es bereits.";
const QUOTE = {
  targetPlan: { id: "UGxhbjoy", name: "Hosting Pro" },
  currentAmount: { amount: 9.99, currency: "USD" }, newAmount: { amount: 19.99, currency: "USD" },
  proratedAmount: { amount: 5, currency: "USD" }, periodStart: "2026-05-01", periodEnd: "2026-06-01",
  daysLeft: 15, daysInPeriod: 31, isUpgrade: true,
};

function page(answers: Partial<Record<"ServiceUpdate" | "ChangePlanPreview" | "ChangePlan", () => unknown>> = {}, locale = "en") {
  const { bridge, handshake, dispatched } = standInBridge("t", locale);
  const api = fakeApi((query) => {
    for (const [name, answer] of Object.entries(answers)) {
      if (new RegExp(`(query|mutation) ${name}\\(`).test(query)) return answer!();
    }
    return { service: SERVICE };
  });
  renderApp(bridge, api.fetchImpl, PATH);
  handshake();
  return { ...api, dispatched };
}

const input = (name: string) => document.querySelector(`[data-field="${name}"]`) as HTMLInputElement;
const sent = (requests: { query: string; variables: Record<string, unknown> }[], name: string) =>
  requests.filter((request) => request.query.includes(`mutation ${name}(`));

describe("Service editing", () => {
  it("sends only what changed, then shows the saved service", async () => {
    const { requests, dispatched } = page({ ServiceUpdate: () => ({ result: { service: { id: SERVICE.id }, errors: [] } }) });
    fireEvent.click(await screen.findByTestId("edit-service"));
    const save = screen.getByTestId("save-service") as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet
    fireEvent.change(input("domain"), { target: { value: "new.example.com" } });
    fireEvent.change(input("recurringAmount"), { target: { value: "12.50" } });
    fireEvent.change(input("options"), { target: { value: '{"region": "us"}' } });
    fireEvent.change(input("password"), { target: { value: "s3cret" } });
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    await waitFor(() => expect(sent(requests, "ServiceUpdate")).toHaveLength(1));
    expect(sent(requests, "ServiceUpdate")[0].variables).toEqual({
      id: SERVICE.id, input: { domain: "new.example.com", recurringAmount: 12.5, options: { region: "us" }, password: "s3cret" },
    });
    await waitFor(() => expect(screen.queryByTestId("service-edit")).toBeNull());
    expect(dispatched.find((action) => action.type === "notification")!.payload.title).toBe("Service saved");
  });

  it("refuses options that are not a JSON object, before asking the API", async () => {
    const { requests } = page();
    fireEvent.click(await screen.findByTestId("edit-service"));
    fireEvent.change(input("options"), { target: { value: "{region: eu" } });
    fireEvent.click(screen.getByTestId("save-service"));
    expect((await screen.findByText("This is not valid JSON.")).getAttribute("role")).toBe("alert");
    fireEvent.change(input("options"), { target: { value: "[1, 2]" } });
    fireEvent.click(screen.getByTestId("save-service"));
    await screen.findByText(/Options are a JSON object/);
    expect(sent(requests, "ServiceUpdate")).toHaveLength(0);
  });

  it("shows the API's refusal of a field beside it, as a sentence in the Dashboard's language", async () => {
    page({ ServiceUpdate: () => ({ result: { service: null, errors: [
      { field: "domain", code: "UNIQUE", message: "Domain taken." },
      { field: null, code: "NOT_FOUND", message: "Gone." },
    ] } }) }, "de");
    fireEvent.click(await screen.findByTestId("edit-service"));
    fireEvent.change(input("domain"), { target: { value: "taken.example" } });
    fireEvent.click(screen.getByTestId("save-service"));
    expect(await screen.findByText(GERMAN_UNIQUE)).toBeTruthy();
    // A refusal of no field is listed under the form, in German too.
    expect(within(screen.getByTestId("service-edit")).getByTestId("typed-errors").textContent)
      .toBe("Das gibt es nicht mehr: Vielleicht hat es jemand entfernt.");
    expect(screen.getByTestId("service-edit")).toBeTruthy(); // the form stays open
  });
});

describe("Plan change", () => {
  it("shows the quote for the chosen plan, then changes it once confirmed", async () => {
    const { requests, dispatched } = page({
      ChangePlanPreview: () => ({ serviceChangePlanPreview: QUOTE }),
      ChangePlan: () => ({ result: { service: { id: SERVICE.id }, errors: [] } }),
    });
    await screen.findByTestId("plan-change");
    expect(screen.queryByTestId("quote")).toBeNull();
    fireEvent.click(within(screen.getByTestId("plan-change")).getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: "Hosting Pro" }));
    const quote = await screen.findByTestId("quote");
    expect(quote.textContent).toContain("Upgrade");
    expect(quote.textContent).toContain("From $9.99 to $19.99 per period");
    expect(quote.textContent).toContain("15 of 31 days left in the period ending 2026-06-01");
    expect(screen.getByTestId("prorated").textContent).toBe("Prorated for the days left: $5.00");
    expect(requests.find((request) => request.query.includes("query ChangePlanPreview("))!.variables)
      .toEqual({ id: SERVICE.id, planId: "UGxhbjoy" });
    expect(sent(requests, "ChangePlan")).toHaveLength(0); // a quote changes nothing

    fireEvent.click(screen.getByTestId("change-plan"));
    const dialog = await screen.findByRole("dialog", { name: "Change to Hosting Pro?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Change plan" }));
    await waitFor(() => expect(sent(requests, "ChangePlan")).toHaveLength(1));
    expect(sent(requests, "ChangePlan")[0].variables).toEqual({ id: SERVICE.id, planId: "UGxhbjoy" });
    await waitFor(() => expect(dispatched.some((action) => action.payload.title === "Plan changed to Hosting Pro")).toBe(true));
  });

  it("says a downgrade applies from the next period, and shows a refusal as a sentence", async () => {
    page({
      ChangePlanPreview: () => ({ serviceChangePlanPreview: { ...QUOTE, isUpgrade: false,
        newAmount: { amount: 4.99, currency: "USD" }, proratedAmount: { amount: 0, currency: "USD" } } }),
      ChangePlan: () => ({ result: { service: null, errors: [{ field: "planId", code: "NOT_ALLOWED_BY_PLAN", message: "x" }] } }),
    });
    await screen.findByTestId("plan-change");
    fireEvent.click(within(screen.getByTestId("plan-change")).getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: "Hosting Pro" }));
    const quote = await screen.findByTestId("quote");
    expect(quote.getAttribute("data-upgrade")).toBe("false");
    expect(quote.textContent).toContain("Takes effect at the next renewal, on 2026-06-01.");
    fireEvent.click(screen.getByTestId("change-plan"));
    expect(quote.textContent).toContain("Downgrade");
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("The new plan applies from the next billing period.");
    fireEvent.click(within(dialog).getByRole("button", { name: "Change plan" }));
    expect((await screen.findByTestId("typed-errors")).textContent).toBe("The service's plan doesn't allow this.");
  });

  it("shows the quote loading, and the quote's error", async () => {
    const view = page({ ChangePlanPreview: never });
    await screen.findByTestId("plan-change");
    fireEvent.click(within(screen.getByTestId("plan-change")).getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: "Hosting Pro" }));
    expect(await within(screen.getByTestId("plan-change")).findByTestId("loading")).toBeTruthy();
    expect(screen.queryByTestId("change-plan")).toBeNull();
    expect(view.requests.some((request) => request.query.includes("query ChangePlanPreview("))).toBe(true);
  });

  it("shows why a quote cannot be made", async () => {
    page({ ChangePlanPreview: () => ({ errors: [{ message: "This plan is not a change target of the service's plan." }] }) });
    await screen.findByTestId("plan-change");
    fireEvent.click(within(screen.getByTestId("plan-change")).getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: "Hosting Pro" }));
    const error = await within(screen.getByTestId("plan-change")).findByTestId("error");
    expect(error.textContent).toContain("This plan is not a change target of the service's plan.");
    expect(screen.queryByTestId("change-plan")).toBeNull();
  });

  it("says when the plan offers nothing to change to", async () => {
    const { bridge, handshake } = standInBridge();
    renderApp(bridge, fakeApi(() => ({ service: { ...SERVICE, plan: { ...SERVICE.plan, changeTargets: [] } } })).fetchImpl, PATH);
    handshake();
    expect((await screen.findByText("This plan offers no other plan to change to."))).toBeTruthy();
  });

  it("offers no second change while one is under way: a downgrade at renewal, an upgrade to pay", async () => {
    const first = standInBridge();
    const view = renderApp(first.bridge, fakeApi(() => ({ service: { ...SERVICE, pendingPlan: { id: "UGxhbjoz", name: "Hosting Lite" } } })).fetchImpl, PATH);
    first.handshake();
    expect((await screen.findByTestId("change-under-way")).textContent)
      .toBe("This service changes to Hosting Lite at its next renewal.");
    expect(screen.queryByTestId("change-target")).toBeNull();
    view.unmount();

    const second = standInBridge();
    const upgrade = { id: "UmVuZXdhbDox", kind: "UPGRADE", periodStart: "2026-05-15", periodEnd: "2026-06-01",
      dueDate: "2026-05-15", status: "OPEN", amount: { amount: 5, currency: "USD" } };
    renderApp(second.bridge, fakeApi(() => ({ service: { ...SERVICE, pendingPlan: null, renewals: [upgrade] } })).fetchImpl, PATH);
    second.handshake();
    expect((await screen.findByTestId("change-under-way")).textContent).toContain("An upgrade waits for its payment");
  });
});
