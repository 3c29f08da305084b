import { AppBridge, type AppBridgeState, actions } from "@saleor/app-sdk/app-bridge";
import { useEffect, useState } from "react";

type BridgeEvent = "handshake" | "theme" | "tokenRefresh" | "localeChanged";

/** The slice of the bridge the app uses; tests hand in a stand-in. */
export interface Bridge {
  getState(): Pick<AppBridgeState, "token" | "theme" | "saleorApiUrl" | "ready" | "path" | "id"> &
    Partial<Pick<AppBridgeState, "locale">>;
  subscribe(event: BridgeEvent, callback: (payload: unknown) => void): () => void;
  dispatch(action: ReturnType<(typeof actions)[keyof typeof actions]>): Promise<void>;
}

export function createBridge(): Bridge {
  return new AppBridge() as unknown as Bridge;
}

/**
 * The bridge state, re-read on every event that changes it. Outside Next.js the SDK's
 * own hook can miss the handshake, so the app subscribes itself.
 */
export function useBridgeState(bridge: Bridge) {
  const [state, setState] = useState(() => bridge.getState());
  useEffect(() => {
    const refresh = () => setState({ ...bridge.getState() });
    const unsubscribers = (["handshake", "theme", "tokenRefresh", "localeChanged"] as const).map((event) =>
      bridge.subscribe(event, refresh),
    );
    refresh();
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [bridge]);
  return state;
}

export function notify(bridge: Bridge, status: "success" | "error", title: string, text?: string) {
  return bridge.dispatch(actions.Notification({ status, title, text })).catch(() => undefined);
}
