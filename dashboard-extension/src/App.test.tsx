import { ThemeProvider } from "@saleor/macaw-ui";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { App } from "./App";
import type { Bridge } from "./bridge";

/** A stand-in for the Dashboard's bridge: a token after the handshake, recorded actions. */
function standInBridge(token = "dashboard-token") {
  const listeners: Record<string, ((payload: unknown) => void)[]> = {};
  let state = { token: undefined as string | undefined, theme: "light" as const, id: "QXBwOjE=", saleorApiUrl: "https://shop.example/graphql/", ready: false, path: "/" };
  const dispatched: { type: string; payload: Record<string, unknown> }[] = [];
  const bridge: Bridge = {
    getState: () => state,
    subscribe: (event, callback) => {
      (listeners[event] ??= []).push(callback);
      return () => { listeners[event] = listeners[event].filter((cb) => cb !== callback); };
    },
    dispatch: async (action) => { dispatched.push(action as never); },
  };
  const handshake = () => act(() => {
    state = { ...state, token, ready: true };
    (listeners.handshake ?? []).forEach((cb) => cb({ token }));
  });
  return { bridge, dispatched, handshake };
}

const SERVICE = {
  id: "U2VydmljZTox", productName: "Hosting", domain: "shop.example.com", status: "ACTIVE", billingCycle: "MONTHLY",
  nextDueDate: "2026-06-01", userEmail: "ada@example.com", customerName: "Ada", serverHostname: "",
  recurringAmount: { amount: 9.99, currency: "USD" }, plan: { id: "UGxhbjox", name: "Hosting" }, cancellationPending: false,
};

function fakeApi() {
  const requests: { url: string; authorization: string | null; body: { query: string; variables: Record<string, unknown> } }[] = [];
  const fetchImpl = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    requests.push({ url: String(url), authorization: new Headers(init?.headers).get("Authorization"), body });
    let data: unknown;
    if (body.query.includes("serviceBulkSuspend")) data = { result: { count: 1, errors: [] } };
    else if (body.query.includes("StatusCounts")) data = { all: { totalCount: 1 }, ACTIVE: { totalCount: 1 } };
    else if (body.query.includes("servicePlans")) data = { servicePlans: { totalCount: 0, edges: [] } };
    else data = { services: { totalCount: 1, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: "a", endCursor: "a" },
      edges: [{ node: SERVICE }] } };
    return new Response(JSON.stringify({ data }), { headers: { "Content-Type": "application/json" } });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, requests };
}

const DETAIL = {
  ...SERVICE, variantName: "Basic", username: "", packageName: "", password: null, provisioningState: "NOT_REQUIRED",
  provisioningError: "", options: {}, createdAt: "2026-05-01T10:00:00Z", activatedAt: "2026-05-01T10:00:00Z",
  suspensionReason: "", cancellationRequest: null, renewals: [], events: [],
  plan: { id: "UGxhbjox", name: "Hosting", changeTargets: [] },
};

function detailApi(availableActions: string[]) {
  const fetchImpl = vi.fn(async () => new Response(
    JSON.stringify({ data: { service: { ...DETAIL, availableActions } } }),
    { headers: { "Content-Type": "application/json" } },
  ));
  return fetchImpl as unknown as typeof fetch;
}

function renderApp(bridge: Bridge, fetchImpl: typeof fetch, path = "/services") {
  // As served: the app's root comes from the <base href> the server injects.
  document.head.querySelector("base")?.remove();
  if (path !== "/services") document.head.append(Object.assign(document.createElement("base"), { href: "/" }));
  window.history.replaceState(null, "", path);
  return render(<ThemeProvider><App bridge={bridge} fetchImpl={fetchImpl} /></ThemeProvider>);
}

describe("App", () => {
  it("waits for the handshake, then calls the API with the Dashboard's token", async () => {
    const { bridge, handshake } = standInBridge();
    const { fetchImpl, requests } = fakeApi();
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

  it("dispatches a notification after a bulk action and routing updates on navigation", async () => {
    const { bridge, handshake, dispatched } = standInBridge();
    const { fetchImpl, requests } = fakeApi();
    renderApp(bridge, fetchImpl);
    handshake();
    await screen.findByText("shop.example.com");

    fireEvent.click(screen.getByRole("checkbox", { name: "Select shop.example.com" }));
    fireEvent.click(screen.getByRole("button", { name: "Suspend" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(dialog.querySelector("button:last-of-type")!);

    await waitFor(() => expect(dispatched.some((action) => action.type === "notification")).toBe(true));
    const bulk = requests.find((request) => request.body.query.includes("serviceBulkSuspend"))!;
    expect(bulk.body.variables).toEqual({ ids: ["U2VydmljZTox"] });
    const notification = dispatched.find((action) => action.type === "notification")!;
    expect(notification.payload.title).toBe("Suspend: 1 service changed");

    fireEvent.click(screen.getByRole("button", { name: "Service plans" }));
    await waitFor(() => expect(dispatched.some((action) => action.type === "updateRouting")).toBe(true));
    expect(dispatched.find((action) => action.type === "updateRouting")!.payload.newRoute).toBe("/plans");
  });

  it("shows a service whose password cannot be decrypted, saying so, and fails on other errors", async () => {
    const answer = (errors: { message: string; path: string[]; extensions: { code: string } }[]) => vi.fn(
      async () => new Response(
        JSON.stringify({ data: { service: { ...DETAIL, availableActions: [] } }, errors }),
        { headers: { "Content-Type": "application/json" } },
      ),
    ) as unknown as typeof fetch;
    const unavailable = { message: "The password cannot be decrypted", path: ["service", "password"],
      extensions: { code: "CREDENTIALS_UNAVAILABLE" } };
    const { bridge, handshake } = standInBridge();
    const view = renderApp(bridge, answer([unavailable]), "/services/U2VydmljZTox");
    handshake();
    await screen.findByTestId("service-detail");
    expect(screen.getByTestId("password-unavailable").textContent).toContain("encryption keys");
    view.unmount();

    const other = standInBridge();
    renderApp(other.bridge, answer([{ ...unavailable, extensions: { code: "INVALID" } }]), "/services/U2VydmljZTox");
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
