import { Box, Button, Text, useTheme } from "@saleor/macaw-ui";
import { createContext, useContext, useEffect, useMemo } from "react";
import { createApi, type GraphQL } from "./api";
import { type Bridge, useBridgeState } from "./bridge";
import { Loading } from "./components/common";
import { CancellationRequests } from "./pages/CancellationRequests";
import { CustomerWidget } from "./pages/CustomerWidget";
import { Plans } from "./pages/Plans";
import { ServiceDetail } from "./pages/ServiceDetail";
import { ServicesList } from "./pages/ServicesList";
import { useRouter } from "./routing";

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
  ["/services", "Services"],
  ["/cancellation-requests", "Cancellation requests"],
  ["/plans", "Service plans"],
] as const;

export function App({ bridge, fetchImpl }: { bridge: Bridge; fetchImpl: typeof fetch }) {
  const state = useBridgeState(bridge);
  const { route, navigate } = useRouter(bridge);
  const graphql = useMemo(() => createApi(bridge, fetchImpl), [bridge, fetchImpl]);
  const { setTheme } = useTheme();
  useEffect(() => setTheme(state.theme === "dark" ? "defaultDark" : "defaultLight"), [state.theme, setTheme]);

  if (!state.token) {
    return <Loading what="the Dashboard's session" />;
  }
  const [path, query] = route.split("?");
  const params = new URLSearchParams(query);
  let page;
  if (path.startsWith("/widgets/customer")) {
    page = <CustomerWidget customerId={params.get("customerId") ?? ""} />;
  } else if (path.startsWith("/services/")) {
    page = <ServiceDetail id={decodeURIComponent(path.slice("/services/".length))} />;
  } else if (path.startsWith("/cancellation-requests")) {
    page = <CancellationRequests />;
  } else if (path.startsWith("/plans")) {
    page = <Plans />;
  } else {
    page = <ServicesList />;
  }
  const isWidget = path.startsWith("/widgets/");
  return (
    <Context.Provider value={{ bridge, graphql, navigate }}>
      <Box backgroundColor="default1" __minHeight="100vh" padding={isWidget ? 2 : 6} display="flex"
           flexDirection="column" gap={4}>
        {!isWidget && (
          <Box display="flex" gap={2} alignItems="center" as="nav">
            <Text size={7} fontWeight="bold" marginRight={4}>Services</Text>
            {NAVIGATION.map(([to, title]) => (
              <Button key={to} variant={path.startsWith(to) ? "primary" : "tertiary"} onClick={() => navigate(to)}>
                {title}
              </Button>
            ))}
          </Box>
        )}
        {page}
      </Box>
    </Context.Provider>
  );
}
