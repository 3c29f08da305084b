import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SERVICE, fakeApi, never, renderApp, standInBridge } from "../test-utils";

const PAGE = (edges: unknown[]) => ({ services: { totalCount: edges.length,
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges } });

function list(answer: (query: string) => unknown, path = "/services", locale = "en") {
  const { bridge, handshake, dispatched } = standInBridge("t", locale);
  const api = fakeApi(answer);
  renderApp(bridge, api.fetchImpl, path);
  handshake();
  return { ...api, dispatched };
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

  it("says the services are too many to count where the API gives no total (a search in most of them)", async () => {
    list((query) => query.includes("StatusCounts") ? { all: { totalCount: 1 } }
      : query.includes("servicePlans") ? { servicePlans: { totalCount: 0, edges: [] } }
        : { services: { ...PAGE([{ node: SERVICE }]).services, totalCount: null } });
    await screen.findByTestId("services-table");
    expect(screen.getByTestId("total").textContent).toBe("Too many services to count; refine the search");
  });

  describe.each([
    ["suspend", "BulkSuspend", "fr", "Suspendre", "Service shop.example.com : Impossible dans le statut actuel du service.", "0 service modifié."],
    ["unsuspend", "BulkUnsuspend", "de", "Entsperren", "Service shop.example.com: Im aktuellen Status des Service nicht möglich.", "0 Services geändert."],
    ["terminate", "BulkTerminate", "en", "Terminate", "Service shop.example.com: Not possible in the service's current status.", "0 services changed."],
  ])("bulk %s refused for a service", (_kind, mutation, locale, label, sentence, changed) => {
    it("says why, per service, in the Dashboard's language, and the rows stay as they were", async () => {
      const SUSPENDED = { ...SERVICE, id: "U2VydmljZToy", domain: "other.example.com", status: "SUSPENDED" };
      const before = [{ node: SERVICE }, { node: SUSPENDED }];
      const { requests, dispatched } = list((query) => query.includes(`mutation ${mutation}(`)
        ? { result: { count: 0, errors: [
          { serviceId: SERVICE.id, field: "id", code: "INVALID_TRANSITION", message: "Cannot do that." },
          { serviceId: SUSPENDED.id, field: "id", code: "INVALID_TRANSITION", message: "Cannot do that." },
        ] } }
        : answer(before)(query), "/services", locale);
      await screen.findByTestId("services-table");
      const rowsBefore = screen.getByTestId("services-table").querySelector("tbody")!.innerHTML;
      for (const row of document.querySelectorAll("[data-service]")) fireEvent.click(within(row as HTMLElement).getByRole("checkbox"));
      fireEvent.click(screen.getAllByRole("button", { name: label }).find((button) => !button.closest("[role=dialog]"))!);
      const dialog = await screen.findByRole("dialog");
      fireEvent.click(within(dialog).getByRole("button", { name: label }));
      const result = await screen.findByTestId("bulk-result");
      expect(requests.find((request) => request.query.includes(`mutation ${mutation}(`))!.variables)
        .toEqual({ ids: [SERVICE.id, SUSPENDED.id] });
      expect(within(result).getByText(changed)).toBeTruthy();
      expect(Array.from(within(result).getByTestId("typed-errors").children).map((line) => line.textContent))
        .toEqual([sentence, sentence.replace("shop.example.com", "other.example.com")]);
      await waitFor(() => expect(dispatched.some((action) => action.type === "notification")).toBe(true));
      // The page asked again, and shows the same services in the same statuses.
      await waitFor(() => expect(requests.filter((request) => request.query.includes("query Services(")).length).toBe(2));
      await screen.findByTestId("services-table");
      expect(screen.getByTestId("services-table").querySelector("tbody")!.innerHTML).toBe(rowsBefore);
      expect(Array.from(document.querySelectorAll("[data-service] [data-status]")).map((badge) => badge.getAttribute("data-status")))
        .toEqual(["ACTIVE", "SUSPENDED"]);
    });
  });
});
