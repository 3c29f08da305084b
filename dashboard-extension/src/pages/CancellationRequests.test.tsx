import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, never, renderApp, standInBridge } from "../test-utils";

const REQUEST = {
  id: "Q2FuY2VsbGF0aW9uUmVxdWVzdDox", type: "END_OF_BILLING_PERIOD", status: "PENDING", reason: "Too expensive",
  effectiveDate: "2026-07-01", createdAt: "2026-06-01T10:00:00Z", decisionNote: "",
  service: { id: "U2VydmljZTox", productName: "Hosting", domain: "shop.example.com", userEmail: "ada@example.com", status: "ACTIVE" },
};
const COUNTS = { PENDING: { totalCount: 3 }, APPROVED: { totalCount: 0 }, REJECTED: { totalCount: 1 },
  WITHDRAWN: { totalCount: 0 }, COMPLETED: { totalCount: 7 } };

function queue(answer: (query: string) => unknown, locale = "en") {
  const { bridge, handshake } = standInBridge("t", locale);
  const api = fakeApi(answer);
  renderApp(bridge, api.fetchImpl, "/cancellation-requests");
  handshake();
  return api;
}

const LIST = { serviceCancellationRequests: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: REQUEST }] } };

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

  it("is in the Dashboard's language: tabs, the request's line, the buttons", async () => {
    queue((query) => query.includes("CancellationCounts") ? COUNTS : LIST, "fr");
    const requests = await screen.findByTestId("requests");
    expect(requests.textContent).toContain("ada@example.com · À la fin de la période de facturation · effet le 2026-07-01");
    expect(within(requests).getByRole("button", { name: "Accepter" })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-tab="REJECTED"]')!.textContent).toBe("Refusées (1)"));
  });

  it("rejects with the staff's note after a confirmation, and shows a refusal as a sentence", async () => {
    const api = queue((query) => query.includes("mutation Reject(")
      ? { result: { cancellationRequest: null, errors: [{ field: "id", code: "INVALID_TRANSITION", message: "x" }] } }
      : query.includes("CancellationCounts") ? COUNTS : LIST);
    fireEvent.click(within(await screen.findByTestId("requests")).getByRole("button", { name: "Reject" }));
    const dialog = await screen.findByRole("dialog", { name: "Reject this request?" });
    fireEvent.change(within(dialog).getByLabelText("Note to the customer"), { target: { value: "Contract runs to July." } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Reject" }));
    await waitFor(() => expect(api.requests.some((request) => request.query.includes("mutation Reject("))).toBe(true));
    expect(api.requests.find((request) => request.query.includes("mutation Reject("))!.variables)
      .toEqual({ id: REQUEST.id, note: "Contract runs to July." });
    expect((await screen.findByTestId("typed-errors")).textContent).toBe("Not possible in the service's current status.");
  });

  it.each([
    ["approve", "Approve", "Annehmen", "Diesen Antrag annehmen?"],
    ["reject", "Reject", "Ablehnen", "Diesen Antrag ablehnen?"],
  ])("says why %s was refused, in the Dashboard's language, and the request stays pending", async (_kind, mutation, label, title) => {
    const api = queue((query) => query.includes(`mutation ${mutation}(`)
      ? { result: { cancellationRequest: null, errors: [{ field: "id", code: "INVALID_TRANSITION", message: "Already decided." }] } }
      : query.includes("CancellationCounts") ? COUNTS : LIST, "de");
    const before = (await screen.findByTestId("requests")).innerHTML;
    fireEvent.click(within(screen.getByTestId("requests")).getByRole("button", { name: label }));
    const dialog = await screen.findByRole("dialog", { name: title });
    fireEvent.click(within(dialog).getByRole("button", { name: label }));
    expect((await screen.findByTestId("typed-errors")).textContent).toBe("Im aktuellen Status des Service nicht möglich.");
    expect(api.requests.find((request) => request.query.includes(`mutation ${mutation}(`))!.variables)
      .toEqual({ id: REQUEST.id, note: null });
    // The queue asked again and still shows the request, pending, with both decisions offered.
    await waitFor(() => expect(api.requests.filter((request) => request.query.includes("query CancellationRequests(")).length).toBe(2));
    const requests = await screen.findByTestId("requests");
    expect(requests.innerHTML).toBe(before);
    expect(within(requests).getByRole("button", { name: "Annehmen" })).toBeTruthy();
    expect(within(requests).getByRole("button", { name: "Ablehnen" })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-tab="PENDING"]')!.textContent).toBe("Offen (3)"));
  });
});
