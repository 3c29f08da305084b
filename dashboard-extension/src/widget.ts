import { type AppBridge, reportWidgetHeightFromElement } from "@saleor/app-sdk/app-bridge";
import { useCallback, useEffect, useRef } from "react";
import type { Bridge } from "./bridge";

/**
 * A ref for a widget's root element: its height is reported to the Dashboard (app-sdk's
 * WidgetResize action) now and whenever it changes, so the frame fits the content. The
 * SDK's own useWidgetAutoResize needs its AppBridgeProvider; this takes the app's bridge.
 * A callback ref, because the root element changes (session loading → page).
 */
export function useWidgetHeight(bridge: Bridge, enabled: boolean) {
  const observer = useRef<ResizeObserver | null>(null);
  const disconnect = () => {
    observer.current?.disconnect();
    observer.current = null;
  };
  useEffect(() => disconnect, []);
  return useCallback(
    (root: HTMLDivElement | null) => {
      disconnect();
      if (!enabled || !root) return;
      const report = () => reportWidgetHeightFromElement(bridge as unknown as AppBridge, root);
      report();
      if (typeof ResizeObserver !== "undefined") {
        observer.current = new ResizeObserver(report);
        observer.current.observe(root);
      }
    },
    [bridge, enabled],
  );
}
