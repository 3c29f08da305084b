import { actions } from "@saleor/app-sdk/app-bridge";
import { useCallback, useEffect, useState } from "react";
import type { Bridge } from "./bridge";

/** The app's root path, from the <base href> the server injects. */
export function basePath(): string {
  return new URL(document.baseURI).pathname.replace(/\/$/, "");
}

function currentRoute(): string {
  const path = window.location.pathname.slice(basePath().length) || "/";
  return path + window.location.search;
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
