import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SERVICE, fakeApi, never, renderApp, standInBridge } from "../test-utils";

const PAGE = (edges: unknown[]) => ({ services: { totalCount: edges.length,
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges } });

function list(answer: (query: string) => unknown, path = "/services", locale = "en") {
  const { bridge, handshake } = standInBridge("t", locale);
  renderApp(bridge, fakeApi(answer).fetchImpl, path);
  handshake();
}

const answer = (edges: unknown[]) => (query: string) =>
  query.includes("StatusCounts") ? { all: { totalCount: edges.length } }
    : query.includes("servicePlans") ? { servicePlans: { totalCount: 0, edges: [] } } : PAGE(edges);

describe("Services list", () => {
  it("shows the services, under a Customer column like its filter, at the app's root too", async () => {
    list(answer([{ node: SERVICE }]), "/");
    await screen.findByTestId("services-table");
    expect(screen.getByRole("button", { name: "Customer" })).toBeTruthy();
    expect(screen.queryByText("Client")).toBeNull();
    expect(screen.getByText("2026-06-01").style.whiteSpace).toBe("nowrap");
  });

  it("draws Terminate destructive only when something is selected", async () => {
    list(answer([{ node: SERVICE }]));
    await screen.findByTestId("services-table");
    const terminate = screen.getByRole("button", { name: "Terminate" }) as HTMLButtonElement;
    expect(terminate.disabled).toBe(true);
  });

  it("has a loading state", async () => {
    list(never);
    expect(await screen.findByTestId("loading")).toBeTruthy();
  });

  it("has an empty state", async () => {
    list(answer([]));
    expect((await screen.findByTestId("empty")).textContent).toContain("No service matches these filters.");
  });

  it("has an error state", async () => {
    list(() => ({ errors: [{ message: "Not allowed." }] }));
    expect((await screen.findByTestId("error")).textContent).toContain("Not allowed.");
  });

  it("is in the Dashboard's language: tabs, columns, filters, bulk actions", async () => {
    list(answer([{ node: SERVICE }]), "/services", "de");
    await screen.findByTestId("services-table");
    expect(screen.getByRole("button", { name: "Kunde" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Nächste Fälligkeit" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sperren" })).toBeTruthy();
    expect(screen.getByLabelText("Fällig ab")).toBeTruthy();
    expect(screen.getByTestId("total").textContent).toBe("1 Service");
    expect(document.querySelector('[data-tab="SUSPENDED"]')!.textContent).toMatch(/^Gesperrt/);
  });
});
