import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, never, renderApp, standInBridge } from "../test-utils";

const SERVICE = { id: "U2VydmljZTox", productName: "Hosting", domain: "shop.example.com", status: "ACTIVE",
  nextDueDate: "2026-06-08", userEmail: "ada@example.com" };
const STEPS = [
  { step: "generate_renewals", count: 1, services: [SERVICE] },
  { step: "suspend_overdue", count: 0, services: [] },
];

function automation(answer: (query: string, variables: Record<string, unknown>) => unknown, locale = "en") {
  const { bridge, handshake } = standInBridge("t", locale);
  const api = fakeApi(answer);
  renderApp(bridge, api.fetchImpl, "/automation");
  handshake();
  return api;
}

describe("Tonight's automation", () => {
  it("shows each step with its count, and the services behind it", async () => {
    automation(() => ({ serviceAutomationPreview: STEPS }));
    const renewals = await screen.findByText("Renewals to issue");
    expect(renewals.closest("[data-step]")!.textContent).toContain("1 service");
    expect(screen.getByText("Suspensions for non-payment").closest("[data-step]")!.textContent).toContain("0 services");
    fireEvent.click(screen.getByRole("button", { name: "Show services" }));
    expect((await screen.findByText("shop.example.com")).closest("[data-step-service]")).toBeTruthy();
  });

  it("previews another day when one is picked", async () => {
    const api = automation(() => ({ serviceAutomationPreview: STEPS }));
    await screen.findByText("Renewals to issue");
    fireEvent.change(screen.getByTestId("automation-date").querySelector("input") ?? screen.getByTestId("automation-date"),
      { target: { value: "2026-06-08" } });
    await waitFor(() => expect(api.requests.at(-1)!.variables).toEqual({ date: "2026-06-08" }));
  });

  it("is in the Dashboard's language", async () => {
    automation(() => ({ serviceAutomationPreview: STEPS }), "fr");
    expect(await screen.findByText("Renouvellements à émettre")).toBeTruthy();
  });

  it("has a loading state", async () => {
    automation(never);
    expect(await screen.findByTestId("loading")).toBeTruthy();
  });

  it("says when there is nothing to do", async () => {
    automation(() => ({ serviceAutomationPreview: STEPS.map((step) => ({ ...step, count: 0, services: [] })) }));
    expect((await screen.findByTestId("empty")).textContent).toContain("Nothing to do");
  });

  it("has an error state", async () => {
    automation(() => ({ errors: [{ message: "Not allowed." }] }));
    expect((await screen.findByTestId("error")).textContent).toContain("Not allowed.");
  });
});
