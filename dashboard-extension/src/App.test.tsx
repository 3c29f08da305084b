import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DETAIL, SERVICE, fakeApi, renderApp, standInBridge } from "./test-utils";

const answer = (query: string) => query.includes("serviceBulkSuspend") ? { result: { count: 1, errors: [] } }
  : query.includes("StatusCounts") ? { all: { totalCount: 1 }, ACTIVE: { totalCount: 1 } }
    : query.includes("servicePlans") ? { servicePlans: { totalCount: 0, edges: [] } }
      : { services: { totalCount: 1, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: "a", endCursor: "a" },
        edges: [{ node: SERVICE }] } };

function detailApi(availableActions: string[]) {
  return fakeApi(() => ({ service: { ...DETAIL, availableActions } })).fetchImpl;
}

describe("App", () => {
  it("waits for the handshake, then calls the API with the Dashboard's token", async () => {
    const { bridge, handshake } = standInBridge();
    const { fetchImpl, requests } = fakeApi(answer);
    renderApp(bridge, fetchImpl);
    expect(screen.getByText("Loading the Dashboard's session…")).toBeTruthy();
    expect(requests).toHaveLength(0);

    handshake();

    await screen.findByText("shop.example.com");
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.url).toBe("https://shop.example/graphql/");
      expect(request.authorization).toBe("Bearer dashboard-token");
    }
  });

  it("sends the refreshed token with the next request (tokenRefresh)", async () => {
    const { bridge, handshake, refreshToken } = standInBridge();
    const { fetchImpl, requests } = fakeApi(answer);
    renderApp(bridge, fetchImpl);
    handshake();
    await screen.findByText("shop.example.com");
    refreshToken("refreshed-token");
    const before = requests.length;
    fireEvent.click(screen.getByRole("button", { name: "Service plans" }));
    await waitFor(() => expect(requests.length).toBeGreaterThan(before));
    expect(requests.slice(before).map((request) => request.authorization)).toEqual(
      requests.slice(before).map(() => "Bearer refreshed-token"));
  });

  it("dispatches a notification after a bulk action and routing updates on navigation", async () => {
    const { bridge, handshake, dispatched } = standInBridge();
    const { fetchImpl, requests } = fakeApi(answer);
    renderApp(bridge, fetchImpl);
    handshake();
    await screen.findByText("shop.example.com");

    fireEvent.click(screen.getByRole("checkbox", { name: "Select shop.example.com" }));
    fireEvent.click(screen.getByRole("button", { name: "Suspend" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(dialog.querySelector("button:last-of-type")!);

    await waitFor(() => expect(dispatched.some((action) => action.type === "notification")).toBe(true));
    const bulk = requests.find((request) => request.query.includes("serviceBulkSuspend"))!;
    expect(bulk.variables).toEqual({ ids: ["U2VydmljZTox"] });
    const notification = dispatched.find((action) => action.type === "notification")!;
    expect(notification.payload.title).toBe("Suspend: 1 service changed");

    fireEvent.click(screen.getByRole("button", { name: "Service plans" }));
    await waitFor(() => expect(dispatched.some((action) => action.type === "updateRouting")).toBe(true));
    expect(dispatched.find((action) => action.type === "updateRouting")!.payload.newRoute).toBe("/plans");
  });

  it("shows a service whose password cannot be decrypted, saying so, and fails on other errors", async () => {
    const withErrors = (errors: { message: string; path: string[]; extensions: { code: string } }[]) =>
      fakeApi(() => ({ data: { service: { ...DETAIL, availableActions: [] } }, errors })).fetchImpl;
    const unavailable = { message: "The password cannot be decrypted", path: ["service", "password"],
      extensions: { code: "CREDENTIALS_UNAVAILABLE" } };
    const { bridge, handshake } = standInBridge();
    const view = renderApp(bridge, withErrors([unavailable]), "/services/U2VydmljZTox");
    handshake();
    await screen.findByTestId("service-detail");
    expect(screen.getByTestId("password-unavailable").textContent).toContain("encryption keys");
    view.unmount();

    const other = standInBridge();
    renderApp(other.bridge, withErrors([{ ...unavailable, extensions: { code: "INVALID" } }]), "/services/U2VydmljZTox");
    other.handshake();
    await screen.findByText(/The password cannot be decrypted/);
    expect(screen.queryByTestId("service-detail")).toBeNull();
  });

  it("offers on the detail page only the actions the API reports as available", async () => {
    const { bridge, handshake } = standInBridge();
    renderApp(bridge, detailApi(["SUSPEND", "CANCEL", "MARK_FRAUD"]), "/services/U2VydmljZTox");
    handshake();
    await screen.findByTestId("service-detail");

    const offered = Array.from(screen.getByTestId("actions").querySelectorAll("button"))
      .map((button) => button.getAttribute("data-action"));
    expect(offered).toEqual(["SUSPEND", "CANCEL", "MARK_FRAUD"]);
  });

  it("offers no action when none is available", async () => {
    const { bridge, handshake } = standInBridge();
    renderApp(bridge, detailApi([]), "/services/U2VydmljZTox");
    handshake();
    await screen.findByTestId("service-detail");

    expect(screen.getByTestId("actions").querySelectorAll("button")).toHaveLength(0);
  });
});
