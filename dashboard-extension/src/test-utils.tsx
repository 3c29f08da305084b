import { ThemeProvider } from "@saleor/macaw-ui";
import { act, render } from "@testing-library/react";
import { vi } from "vitest";
import { App } from "./App";
import type { Bridge } from "./bridge";

export interface Dispatched { type: string; payload: Record<string, unknown> }

/** A stand-in for the Dashboard's bridge: a token after the handshake, recorded actions,
 * the Dashboard's events (theme, localeChanged) on demand. */
export function standInBridge(token = "dashboard-token", locale = "en") {
  const listeners: Record<string, ((payload: unknown) => void)[]> = {};
  let state = {
    token: undefined as string | undefined, theme: "light" as "light" | "dark", id: "QXBwOjE=",
    saleorApiUrl: "https://shop.example/graphql/", ready: false, path: "/", locale: locale as never,
  };
  const dispatched: Dispatched[] = [];
  const bridge: Bridge = {
    getState: () => state,
    subscribe: (event, callback) => {
      (listeners[event] ??= []).push(callback);
      return () => { listeners[event] = listeners[event].filter((cb) => cb !== callback); };
    },
    dispatch: async (action) => { dispatched.push(action as never); },
  };
  const emit = (event: string, change: Partial<typeof state>) => act(() => {
    state = { ...state, ...change };
    (listeners[event] ?? []).forEach((cb) => cb(change));
  });
  const handshake = () => emit("handshake", { token, ready: true });
  const changeLocale = (newLocale: string) => emit("localeChanged", { locale: newLocale as never });
  const refreshToken = (newToken: string) => emit("tokenRefresh", { token: newToken });
  return { bridge, dispatched, handshake, changeLocale, refreshToken };
}

export interface Recorded { url: string; authorization: string | null; query: string; variables: Record<string, unknown> }

/** The API as a function of the query: `answer` returns the body's `data` (or a whole
 * body with `errors`), or a promise that never settles for the loading state. */
export function fakeApi(answer: (query: string, variables: Record<string, unknown>) => unknown) {
  const requests: Recorded[] = [];
  const fetchImpl = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    requests.push({ url: String(url), authorization: new Headers(init?.headers).get("Authorization"),
      query: body.query, variables: body.variables });
    const result = await answer(body.query, body.variables);
    const json = result && typeof result === "object" && ("errors" in result || "data" in result)
      ? result : { data: result };
    return new Response(JSON.stringify(json), { headers: { "Content-Type": "application/json" } });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, requests };
}

export const never = () => new Promise(() => undefined);

export function renderApp(bridge: Bridge, fetchImpl: typeof fetch, path = "/services") {
  // As served: the app's root comes from the <base href> the server injects.
  document.head.querySelector("base")?.remove();
  document.head.append(Object.assign(document.createElement("base"), { href: "/app/" }));
  window.history.replaceState(null, "", `/app${path}`);
  return render(<ThemeProvider><App bridge={bridge} fetchImpl={fetchImpl} /></ThemeProvider>);
}

export const SERVICE = {
  id: "U2VydmljZTox", productName: "Hosting", domain: "shop.example.com", status: "ACTIVE", billingCycle: "MONTHLY",
  nextDueDate: "2026-06-01", userEmail: "ada@example.com", customerName: "Ada", serverHostname: "",
  recurringAmount: { amount: 9.99, currency: "USD" }, plan: { id: "UGxhbjox", name: "Hosting" }, cancellationPending: false,
};

export const DETAIL = {
  ...SERVICE, variantName: "Basic", username: "", packageName: "", password: null, provisioningState: "NOT_REQUIRED",
  provisioningError: "", options: {}, createdAt: "2026-05-01T10:00:00Z", activatedAt: "2026-05-01T10:00:00Z",
  suspensionReason: "", cancellationRequest: null, renewals: [], events: [], availableActions: [] as string[],
  orderId: null as string | null, plan: { id: "UGxhbjox", name: "Hosting", changeTargets: [] as { id: string; name: string }[] },
};
