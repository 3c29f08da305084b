import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, renderApp, standInBridge } from "../test-utils";

const PLAN = {
  id: "U2VydmljZVBsYW46MQ==", name: "VPS 4 GB", variantId: "UHJvZHVjdFZhcmlhbnQ6MQ==", productId: null,
  billingCycle: "MONTHLY", allowPause: true, allowCancel: true, allowReactivation: false, cancellationMode: "REQUEST",
  noticePeriodDays: 30, activationMode: "AUTOMATIC", productName: "VPS", variantName: "4 GB", servicesCount: 0, automationOverrides: { GRACE_DAYS: 5, REMINDER_DAYS_BEFORE: [7, 1] },
  changeTargets: [], price: null,
  prices: [{ channelSlug: "default-channel", price: { amount: 12.5, currency: "USD" } }],
};
const OTHER = { ...PLAN, id: "U2VydmljZVBsYW46Mg==", name: "VPS 8 GB", variantId: "UHJvZHVjdFZhcmlhbnQ6Mg==", variantName: "8 GB",
  automationOverrides: {}, prices: [], servicesCount: 3 };

const CATALOGUE = [
  { id: "UHJvZHVjdFZhcmlhbnQ6Mw==", productId: "UHJvZHVjdDoy", productName: "VPS", name: "16 GB", sku: "VPS-16",
    prices: [{ channelSlug: "default-channel", price: { amount: 99, currency: "USD" } }], plan: null },
  { id: PLAN.variantId, productId: "UHJvZHVjdDoy", productName: "VPS", name: "4 GB", sku: null,
    prices: [], plan: { id: PLAN.id, name: PLAN.name, variantId: PLAN.variantId } },
];
/** A product a product-wide plan sells: its variants without a plan of their own answer it. */
const WIDE = { ...PLAN, id: "U2VydmljZVBsYW46Mw==", name: "Mail", variantId: null, productId: "UHJvZHVjdDo3", productName: "Mail",
  variantName: "", automationOverrides: {}, prices: [] };
const MAIL = [
  { id: "UHJvZHVjdFZhcmlhbnQ6OQ==", productId: WIDE.productId, productName: "Mail", name: "5 boxes", sku: "MAIL-5",
    prices: [], plan: { id: WIDE.id, name: WIDE.name, variantId: null } },
];

function plansPage(onMutation: (query: string) => unknown = () => ({ result: { servicePlan: { id: "x", name: "x" }, errors: [] } }),
                   { locale = "en", plans = [PLAN, OTHER] as unknown[] } = {}) {
  const { bridge, handshake, dispatched } = standInBridge("dashboard-token", locale);
  const api = fakeApi((query, variables) => query.startsWith("mutation") ? onMutation(query)
    : query.includes("query CatalogueVariants(")
      ? { serviceCatalogueVariants: [...CATALOGUE, ...MAIL].filter((variant) => !variables.search || variant.sku === variables.search) }
      : { servicePlans: { totalCount: plans.length, edges: plans.map((node) => ({ node })) } });
  renderApp(bridge, api.fetchImpl, "/plans");
  handshake();
  return { ...api, dispatched };
}

const form = () => screen.getByTestId("plan-form");
const field = (label: string) => within(form()).getByLabelText(label) as HTMLInputElement;
const mutations = (requests: { query: string; variables: Record<string, unknown> }[], name: string) =>
  requests.filter((request) => request.query.includes(`mutation ${name}(`));

describe("Plan editor", () => {
  it("creates a plan with its prices, portal permissions, change targets and automation overrides", async () => {
    const { requests, dispatched } = plansPage();
    fireEvent.click(await screen.findByTestId("new-plan"));
    fireEvent.change(screen.getByTestId("catalogue-search"), { target: { value: "VPS-16" } });
    await waitFor(() => expect(screen.getByTestId("catalogue-results").querySelectorAll("[data-variant]")).toHaveLength(1));
    const found = screen.getByTestId("catalogue-results");
    expect(found.textContent).toContain("VPS · 16 GB");
    expect(found.textContent).toContain("SKU VPS-16");
    expect(found.textContent).toContain("$99.00 (default-channel)");
    fireEvent.click(within(found).getByRole("button", { name: "Choose" }));
    expect(screen.getByTestId("chosen-variant").textContent).toBe("Sells: VPS · 16 GB");
    expect(field("Name").value).toBe("VPS 16 GB"); // named after what it sells, until staff rename it
    expect(field("Amount").value).toBe("99"); // the variant's channel prices to start from
    fireEvent.change(field("Amount"), { target: { value: "49.00" } });
    fireEvent.change(field("Currency"), { target: { value: "pln" } });
    fireEvent.change(field("Channel slug"), { target: { value: "channel-pln" } });
    fireEvent.change(field("Notice (days)"), { target: { value: "14" } });
    fireEvent.click(within(form()).getByText("Reactivate after cancelling"));
    fireEvent.click(within(screen.getByTestId("change-targets")).getByText("VPS 8 GB"));
    const grace = form().querySelector('[data-override="GRACE_DAYS"]') as HTMLElement;
    fireEvent.click(within(grace).getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: "Days" }));
    fireEvent.change(within(grace).getByLabelText("Days"), { target: { value: "10" } });
    const terminate = form().querySelector('[data-override="TERMINATE_CANCELLED_AFTER_DAYS"]') as HTMLElement;
    fireEvent.click(within(terminate).getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: "Never" }));

    fireEvent.click(screen.getByTestId("save-plan"));
    await waitFor(() => expect(mutations(requests, "PlanCreate")).toHaveLength(1));
    expect(mutations(requests, "PlanCreate")[0].variables.input).toEqual({
      name: "VPS 16 GB", variantId: "UHJvZHVjdFZhcmlhbnQ6Mw==", productId: null, billingCycle: "MONTHLY",
      cancellationMode: "REQUEST", noticePeriodDays: 14, activationMode: "AUTOMATIC",
      allowPause: true, allowCancel: true, allowReactivation: true,
      prices: [{ channelSlug: "channel-pln", amount: 49, currency: "PLN" }],
      changeTargets: [OTHER.id],
      automationOverrides: { GRACE_DAYS: 10, TERMINATE_CANCELLED_AFTER_DAYS: null },
    });
    await waitFor(() => expect(dispatched.some((action) => action.payload.title === "Plan created")).toBe(true));
  });

  it("checks the form before asking the API: required name and variant, day counts, amounts, currencies", async () => {
    const { requests } = plansPage();
    fireEvent.click(await screen.findByTestId("new-plan"));
    fireEvent.change(field("Notice (days)"), { target: { value: "-3" } });
    fireEvent.click(screen.getByTestId("add-price"));
    fireEvent.change(field("Amount"), { target: { value: "0" } });
    fireEvent.change(field("Currency"), { target: { value: "dollars" } });
    fireEvent.click(screen.getByTestId("save-plan"));
    await within(form()).findAllByText("Required.");
    const alerts = within(form()).getAllByRole("alert");
    const texts = alerts.map((alert) => alert.textContent);
    expect(texts).toContain("Required.");
    expect(texts).toContain("Choose the product or the variant this plan sells.");
    expect(texts).toContain("A whole number of days from 0 to 3650.");
    expect(texts).toContain("A positive amount, such as 9.99.");
    expect(texts).toContain("A three-letter currency code, such as USD.");
    expect(mutations(requests, "PlanCreate")).toHaveLength(0);
  });

  it("edits a plan with what it has: its overrides, prices, and only the other plans as targets", async () => {
    const { requests } = plansPage();
    await screen.findByTestId("plans");
    fireEvent.click(document.querySelector('[data-edit="VPS 4 GB"]')!);
    expect(await within(form()).findByText("Edit plan")).toBeTruthy();
    expect(field("Name").value).toBe("VPS 4 GB");
    expect(screen.getByTestId("chosen-variant").textContent).toBe("Sells: VPS · 4 GB");
    expect(field("Amount").value).toBe("12.5");
    const targets = within(screen.getByTestId("change-targets"));
    expect(targets.queryByText("VPS 4 GB")).toBeNull(); // not a target of itself
    expect(targets.getByText("VPS 8 GB")).toBeTruthy();
    fireEvent.change(field("Name"), { target: { value: "VPS 4 GB (2027)" } });
    fireEvent.click(screen.getByTestId("save-plan"));
    await waitFor(() => expect(mutations(requests, "PlanUpdate")).toHaveLength(1));
    const { id, input } = mutations(requests, "PlanUpdate")[0].variables as { id: string; input: Record<string, unknown> };
    expect(id).toBe(PLAN.id);
    expect(input).toMatchObject({
      name: "VPS 4 GB (2027)", variantId: PLAN.variantId, noticePeriodDays: 30,
      prices: [{ channelSlug: "default-channel", amount: 12.5, currency: "USD" }],
      automationOverrides: { GRACE_DAYS: 5, REMINDER_DAYS_BEFORE: [7, 1] },
    });
  });

  it("shows the API's refusals as sentences, beside their field", async () => {
    plansPage(() => ({ result: { servicePlan: null, errors: [
      { field: "variantId", code: "UNIQUE", message: "This variant already has a plan." },
      { field: "automationOverrides", code: "INVALID", message: "GRACE_DAYS must be a whole number." },
    ] } }));
    fireEvent.click(await screen.findByTestId("new-plan"));
    fireEvent.change(field("Name"), { target: { value: "Again" } });
    fireEvent.focus(screen.getByTestId("catalogue-search"));
    const found = await screen.findByTestId("catalogue-results");
    // A variant another plan sells is marked, and cannot be chosen.
    const taken = found.querySelector(`[data-variant="${PLAN.variantId}"]`)!;
    expect(taken.getAttribute("aria-disabled")).toBe("true");
    expect(taken.textContent).toContain("Sold by the plan VPS 4 GB");
    expect(taken.querySelector("button")).toBeNull();
    fireEvent.click(within(found.querySelector(`[data-variant="${CATALOGUE[0].id}"]`) as HTMLElement).getByRole("button", { name: "Choose" }));
    fireEvent.click(screen.getByTestId("save-plan"));
    expect(await within(form()).findByText("Something with these details already exists.")).toBeTruthy();
    expect(within(form()).getByTestId("typed-errors").textContent)
      .toBe("The request was refused: GRACE_DAYS must be a whole number.");
  });

  it("closes the editor on Discard, and after saving shows the list again", async () => {
    plansPage();
    fireEvent.click(await screen.findByTestId("new-plan"));
    expect(screen.queryByTestId("plans")).toBeNull();
    fireEvent.click(within(form()).getByRole("button", { name: "Discard" }));
    expect(await screen.findByTestId("plans")).toBeTruthy();
    expect(screen.queryByTestId("plan-form")).toBeNull();
  });

  it("deletes an unused plan after a destructive confirmation; a plan in use cannot be", async () => {
    const { requests } = plansPage(() => ({ result: { servicePlan: { id: PLAN.id }, errors: [] } }));
    await screen.findByTestId("plans");
    expect((document.querySelector('[data-delete="VPS 8 GB"]') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(document.querySelector('[data-delete="VPS 4 GB"]')!);
    const dialog = await screen.findByRole("dialog", { name: "Delete the plan VPS 4 GB?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(mutations(requests, "PlanDelete")).toHaveLength(1));
    expect(mutations(requests, "PlanDelete")[0].variables).toEqual({ id: PLAN.id });
  });

  it("sells every variant of a product: chosen from the search, shown as such, sent as productId", async () => {
    const { requests } = plansPage();
    fireEvent.click(await screen.findByTestId("new-plan"));
    fireEvent.change(screen.getByTestId("catalogue-search"), { target: { value: "VPS-16" } });
    await waitFor(() => expect(screen.getByTestId("catalogue-results").querySelectorAll("[data-variant]")).toHaveLength(1));
    const product = screen.getByTestId("catalogue-results").querySelector('[data-product="UHJvZHVjdDoy"]') as HTMLElement;
    expect(product.textContent).toContain("VPS · all variants");
    fireEvent.click(within(product).getByRole("button", { name: "All variants of VPS" }));
    const chosen = screen.getByTestId("chosen-variant");
    expect(chosen.textContent).toBe("Sells: every variant of VPS");
    expect(chosen.getAttribute("data-scope")).toBe("product");
    expect(field("Name").value).toBe("VPS");
    // Then one variant after all: the choice says so, and the plan names the variant.
    fireEvent.change(screen.getByTestId("catalogue-search"), { target: { value: "VPS-16" } });
    await waitFor(() => expect(screen.getByTestId("catalogue-results").querySelectorAll("[data-variant]")).toHaveLength(1));
    fireEvent.click(within(screen.getByTestId("catalogue-results")).getByRole("button", { name: "Choose" }));
    expect(screen.getByTestId("chosen-variant").textContent).toBe("Sells: VPS · 16 GB");
    fireEvent.change(screen.getByTestId("catalogue-search"), { target: { value: "VPS-16" } });
    await waitFor(() => expect(screen.getByTestId("catalogue-results").querySelectorAll("[data-variant]")).toHaveLength(1));
    fireEvent.click(within(screen.getByTestId("catalogue-results")).getByRole("button", { name: "All variants of VPS" }));
    fireEvent.click(screen.getByTestId("save-plan"));
    await waitFor(() => expect(mutations(requests, "PlanCreate")).toHaveLength(1));
    expect(mutations(requests, "PlanCreate")[0].variables.input)
      .toMatchObject({ name: "VPS", variantId: null, productId: "UHJvZHVjdDoy" });
  });

  it("marks a product a product-wide plan sells, yet lets one of its variants get a plan of its own", async () => {
    plansPage(undefined, { locale: "fr" });
    fireEvent.click(await screen.findByTestId("new-plan"));
    fireEvent.change(screen.getByTestId("catalogue-search"), { target: { value: "MAIL-5" } });
    await waitFor(() => expect(screen.getByTestId("catalogue-results").querySelectorAll("[data-variant]")).toHaveLength(1));
    const product = screen.getByTestId("catalogue-results").querySelector(`[data-product="${WIDE.productId}"]`) as HTMLElement;
    expect(product.textContent).toContain("Toutes les variantes sont vendues par la formule Mail");
    expect(within(product).queryByRole("button", { name: "Toutes les variantes de Mail" })).toBeNull();
    const variant = product.querySelector("[data-variant]") as HTMLElement;
    expect(variant.getAttribute("aria-disabled")).toBe("false");
    expect(variant.textContent).toContain("Vendue par la formule Mail (tout le produit)");
    fireEvent.click(within(variant).getByRole("button", { name: "Choisir" }));
    expect(screen.getByTestId("chosen-variant").textContent).toBe("Vend : Mail · 5 boxes");
  });

  it("edits a product-wide plan: shows its product, and keeps it product-wide", async () => {
    const { requests } = plansPage(undefined, { plans: [WIDE, PLAN] });
    await screen.findByTestId("plans");
    expect(document.querySelector('[data-plan="Mail"] [data-testid="plan-variant"]')!.textContent).toBe("Mail · all variants · Monthly");
    fireEvent.click(document.querySelector('[data-edit="Mail"]')!);
    const chosen = await screen.findByTestId("chosen-variant");
    expect(chosen.textContent).toBe("Sells: every variant of Mail");
    expect(chosen.getAttribute("data-scope")).toBe("product");
    // Its own product is not marked as taken while it is the plan being edited.
    fireEvent.change(screen.getByTestId("catalogue-search"), { target: { value: "MAIL-5" } });
    await waitFor(() => expect(screen.getByTestId("catalogue-results").querySelectorAll("[data-variant]")).toHaveLength(1));
    expect(within(screen.getByTestId("catalogue-results")).getByRole("button", { name: "All variants of Mail" })).toBeTruthy();
    fireEvent.change(field("Name"), { target: { value: "Mail (2027)" } });
    fireEvent.click(screen.getByTestId("save-plan"));
    await waitFor(() => expect(mutations(requests, "PlanUpdate")).toHaveLength(1));
    expect(mutations(requests, "PlanUpdate")[0].variables.input)
      .toMatchObject({ name: "Mail (2027)", variantId: null, productId: WIDE.productId });
  });
});
