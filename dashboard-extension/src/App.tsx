import { Box, Button, Text, useTheme } from "@saleor/macaw-ui";
import { createContext, useContext, useEffect, useMemo } from "react";
import { useIntl } from "react-intl";
import { createApi, type GraphQL } from "./api";
import { type Bridge, useBridgeState } from "./bridge";
import { Loading } from "./components/common";
import { Automation } from "./pages/Automation";
import { CancellationRequests } from "./pages/CancellationRequests";
import { CustomerWidget } from "./pages/CustomerWidget";
import { FailedEmails } from "./pages/FailedEmails";
import { Plans } from "./pages/Plans";
import { ServiceDetail } from "./pages/ServiceDetail";
import { ServicesList } from "./pages/ServicesList";
import { Translated } from "./i18n";
import { useRouter } from "./routing";
import { useWidgetHeight } from "./widget";

interface AppContextValue {
  bridge: Bridge;
  graphql: GraphQL;
  navigate: (to: string) => void;
}

const Context = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(Context);
  if (!value) throw new Error("useApp outside <App>");
  return value;
}

const NAVIGATION = [
  ["/services", "nav.services"],
  ["/cancellation-requests", "nav.cancellationRequests"],
  ["/plans", "nav.plans"],
  ["/automation", "nav.automation"],
  ["/failed-emails", "nav.failedEmails"],
] as const;

export function App({ bridge, fetchImpl }: { bridge: Bridge; fetchImpl: typeof fetch }) {
  const state = useBridgeState(bridge);
  return (
    <Translated locale={state.locale}>
      <Pages bridge={bridge} fetchImpl={fetchImpl} state={state} />
    </Translated>
  );
}

function Pages({ bridge, fetchImpl, state }: {
  bridge: Bridge; fetchImpl: typeof fetch; state: ReturnType<typeof useBridgeState>;
}) {
  const intl = useIntl();
  const { route, navigate } = useRouter(bridge);
  const graphql = useMemo(() => createApi(bridge, fetchImpl), [bridge, fetchImpl]);
  const { setTheme } = useTheme();
  useEffect(() => setTheme(state.theme === "dark" ? "defaultDark" : "defaultLight"), [state.theme, setTheme]);

  const [path, query] = route.split("?");
  const params = new URLSearchParams(query);
  const isWidget = path.startsWith("/widgets/");
  // A widget's frame is as high as the Dashboard makes it: report the content's height.
  const widgetRoot = useWidgetHeight(bridge, isWidget);

  if (!state.token) {
    return (
      <Box ref={widgetRoot}>
        <Loading text={intl.formatMessage({ id: "state.loadingSession" })} />
      </Box>
    );
  }
  let page;
  if (path.startsWith("/widgets/customer")) {
    page = <CustomerWidget customerId={params.get("customerId") ?? ""} />;
  } else if (path.startsWith("/services/")) {
    page = <ServiceDetail id={decodeURIComponent(path.slice("/services/".length))} />;
  } else if (path.startsWith("/cancellation-requests")) {
    page = <CancellationRequests />;
  } else if (path.startsWith("/plans")) {
    page = <Plans />;
  } else if (path.startsWith("/automation")) {
    page = <Automation />;
  } else if (path.startsWith("/failed-emails")) {
    page = <FailedEmails />;
  } else {
    page = <ServicesList />;
  }
  const current = path === "/" ? "/services" : path;
  return (
    <Context.Provider value={{ bridge, graphql, navigate }}>
      {/* A widget's root is measured: no 100vh, or it could only grow with its frame. */}
      <Box ref={widgetRoot} backgroundColor="default1" __minHeight={isWidget ? undefined : "100vh"}
           padding={isWidget ? 2 : 6} display="flex" flexDirection="column" gap={4}
           data-testid={isWidget ? "widget-root" : undefined}>
        {!isWidget && (
          <Box display="flex" gap={2} alignItems="center" as="nav" flexWrap="wrap">
            <Text size={7} fontWeight="bold" marginRight={4}>{intl.formatMessage({ id: "app.title" })}</Text>
            {NAVIGATION.map(([to, id]) => (
              <Button key={to} variant={current.startsWith(to) ? "primary" : "tertiary"} onClick={() => navigate(to)}>
                {intl.formatMessage({ id })}
              </Button>
            ))}
          </Box>
        )}
        {page}
      </Box>
    </Context.Provider>
  );
}
