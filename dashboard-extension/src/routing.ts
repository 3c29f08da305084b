import { actions } from "@saleor/app-sdk/app-bridge";
import { useCallback, useEffect, useState } from "react";
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

function currentRoute(): string {
  return routeOf(window.location.pathname, window.location.search);
}

/** Client routes under the base path; the Dashboard is told so a refresh lands here. */
export function useRouter(bridge: Bridge) {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onPop = () => setRoute(currentRoute());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const navigate = useCallback(
    (to: string) => {
      window.history.pushState(null, "", basePath() + to);
      setRoute(to);
      bridge.dispatch(actions.UpdateRouting({ newRoute: to })).catch(() => undefined);
    },
    [bridge],
  );
  return { route, navigate };
}
