import { actions } from "@saleor/app-sdk/app-bridge";
import { useCallback, useMemo } from "react";
import type { BaseLocationHook } from "wouter";
import { navigate as browserNavigate, usePathname } from "wouter/use-browser-location";
import type { Bridge } from "./bridge";

/** The app's root path, from the <base href> the server injects. */
export function basePath(): string {
  return new URL(document.baseURI).pathname.replace(/\/$/, "");
}

/** The route under the app's root: the root itself (appUrl, with or without its slash)
 * is "/", and doubled slashes from a joined URL collapse. */
export function routeOf(pathname: string, search: string, base = basePath()): string {
  const inside = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const path = ("/" + inside).replace(/\/{2,}/g, "/");
  return path + search;
}

/**
 * wouter's location hook for the app: routes are read under the base path (what a reload or
 * a deep link frames), and each navigation is told to the Dashboard (`UpdateRouting`) so its
 * own URL, and so a refresh, lands on the same page.
 */
export function useAppLocationHook(bridge: Bridge): BaseLocationHook {
  return useMemo(() => {
    const useAppLocation = () => {
      const pathname = usePathname();
      const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
        browserNavigate(basePath() + to, options);
        bridge.dispatch(actions.UpdateRouting({ newRoute: to })).catch(() => undefined);
      }, []);
      return [routeOf(pathname, ""), navigate] as [string, (to: string, options?: { replace?: boolean }) => void];
    };
    return useAppLocation as BaseLocationHook;
  }, [bridge]);
}
