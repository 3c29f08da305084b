import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, never, renderApp, standInBridge } from "../test-utils";

const REQUEST = {
  id: "Q2FuY2VsbGF0aW9uUmVxdWVzdDox", type: "END_OF_BILLING_PERIOD", status: "PENDING", reason: "Too expensive",
  effectiveDate: "2026-07-01", createdAt: "2026-06-01T10:00:00Z", decisionNote: "",
  service: { id: "U2VydmljZTox", productName: "Hosting", domain: "shop.example.com", userEmail: "ada@example.com", status: "ACTIVE" },
};
const COUNTS = { PENDING: { totalCount: 3 }, APPROVED: { totalCount: 0 }, REJECTED: { totalCount: 1 },
  WITHDRAWN: { totalCount: 0 }, COMPLETED: { totalCount: 7 } };

function queue(answer: (query: string) => unknown) {
  const { bridge, handshake } = standInBridge();
  renderApp(bridge, fakeApi(answer).fetchImpl, "/cancellation-requests");
  handshake();
}

describe("Cancellation requests", () => {
  it("shows each tab's count and the pending requests", async () => {
    queue((query) => query.includes("CancellationCounts") ? COUNTS
      : { serviceCancellationRequests: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: REQUEST }] } });
    expect((await screen.findByTestId("requests")).textContent).toContain("Too expensive");
    await waitFor(() => expect(document.querySelector('[data-tab="PENDING"]')!.textContent).toBe("Pending (3)"));
    expect(document.querySelector('[data-tab="COMPLETED"]')!.textContent).toBe("Completed (7)");
  });

  it("has a loading state", async () => {
    queue(never);
    expect(await screen.findByTestId("loading")).toBeTruthy();
  });

  it("has an empty state", async () => {
    queue((query) => query.includes("CancellationCounts") ? COUNTS
      : { serviceCancellationRequests: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } });
    expect((await screen.findByTestId("empty")).textContent).toContain("Nothing to review");
  });

  it("has an error state", async () => {
    queue(() => ({ errors: [{ message: "Not allowed." }] }));
    expect((await screen.findByTestId("error")).textContent).toContain("Not allowed.");
  });
});
