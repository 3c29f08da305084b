import { Box, Button, Text, useTheme } from "@saleor/macaw-ui";
import { createContext, useContext, useEffect, useMemo } from "react";
import { useIntl } from "react-intl";
import { Provider as UrqlProvider } from "urql";
import { Route, Router, Switch, useLocation, useParams, useSearch } from "wouter";
import { type Bridge, useBridgeState } from "./bridge";
import { createClient } from "./client";
import { Loading } from "./components/common";
import { Translated } from "./i18n";
import { Automation } from "./pages/Automation";
import { CancellationRequests } from "./pages/CancellationRequests";
import { CustomerWidget } from "./pages/CustomerWidget";
import { FailedEmails } from "./pages/FailedEmails";
import { Plans } from "./pages/Plans";
import { ServiceDetail } from "./pages/ServiceDetail";
import { ServicesList } from "./pages/ServicesList";
import { useAppLocationHook } from "./routing";
import { useWidgetHeight } from "./widget";

interface AppContextValue {
  bridge: Bridge;
  navigate: (to: string) => void;
}

const Context = createContext<AppContextValue | null>(null);
/** For tests that render one page with a mock urql client. */
export const AppContextProvider = Context.Provider;

/** The bridge and the app's navigation (wouter's, told to the Dashboard). */
export function useApp(): AppContextValue {
  const value = useContext(Context);
  if (!value) throw new Error("useApp outside <App>");
  const [, navigate] = useLocation();
  return { ...value, navigate };
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
  const hook = useAppLocationHook(bridge);
  return (
    <Translated locale={state.locale}>
      <Router hook={hook}>
        <Pages bridge={bridge} fetchImpl={fetchImpl} state={state} />
      </Router>
    </Translated>
  );
}

function ServicePage() {
  const { id } = useParams<{ id: string }>();
  return <ServiceDetail id={decodeURIComponent(id)} />;
}

function WidgetPage() {
  const params = new URLSearchParams(useSearch());
  return <CustomerWidget customerId={params.get("customerId") ?? ""} />;
}

function Pages({ bridge, fetchImpl, state }: {
  bridge: Bridge; fetchImpl: typeof fetch; state: ReturnType<typeof useBridgeState>;
}) {
  const intl = useIntl();
  const [path, navigate] = useLocation();
  const { setTheme } = useTheme();
  useEffect(() => setTheme(state.theme === "dark" ? "defaultDark" : "defaultLight"), [state.theme, setTheme]);
  // One client per API URL; the token is read per request.
  const client = useMemo(
    () => (state.token ? createClient(bridge, fetchImpl) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bridge, fetchImpl, state.saleorApiUrl, Boolean(state.token)],
  );
  const isWidget = path.startsWith("/widgets/");
  // A widget's frame is as high as the Dashboard makes it: report the content's height.
  const widgetRoot = useWidgetHeight(bridge, isWidget);

  if (!client) {
    return (
      <Box ref={widgetRoot}>
        <Loading text={intl.formatMessage({ id: "state.loadingSession" })} />
      </Box>
    );
  }
  const current = path === "/" ? "/services" : path;
  return (
    <UrqlProvider value={client}>
      <Context.Provider value={{ bridge, navigate }}>
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
          <Switch>
            <Route path="/widgets/customer" component={WidgetPage} />
            <Route path="/services/:id" component={ServicePage} />
            <Route path="/cancellation-requests" component={CancellationRequests} />
            <Route path="/plans" component={Plans} />
            <Route path="/automation" component={Automation} />
            <Route path="/failed-emails" component={FailedEmails} />
            <Route component={ServicesList} />
          </Switch>
        </Box>
      </Context.Provider>
    </UrqlProvider>
  );
}
