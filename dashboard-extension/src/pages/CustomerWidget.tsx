import { actions } from "@saleor/app-sdk/app-bridge";
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useIntl } from "react-intl";
import { useApp } from "../App";
import { usePageQuery } from "../client";
import { Empty, Failure, Loading, StatusBadge } from "../components/common";
import type { CustomerServicesQuery as CustomerServicesData } from "../gql/graphql";
import { CustomerServicesQuery } from "../queries";

type Row = NonNullable<NonNullable<NonNullable<CustomerServicesData["services"]>["edges"][number]>["node"]>;

/** The customer's global id: the Dashboard passes one ("VXNlcjoy"); a bare number
 * (a hand-made link, an old mount) means the same Saleor User. */
export function customerGlobalId(customerId: string): string {
  const trimmed = customerId.trim();
  return /^\d+$/.test(trimmed) ? btoa(`User:${trimmed}`) : trimmed;
}

/** The Dashboard's path of this app's service page (what a reload of it shows too). */
export function servicePagePath(appId: string, serviceId: string): string {
  return `/extensions/app/${encodeURIComponent(appId)}/services/${encodeURIComponent(serviceId)}`;
}

/** On the Dashboard's customer page: that customer's services. */
export function CustomerWidget({ customerId }: { customerId: string }) {
  const { bridge } = useApp();
  const intl = useIntl();
  const customer = customerGlobalId(customerId);
  const { data, error, refetch: load } = usePageQuery(CustomerServicesQuery, { customer }, !customer);
  const rows = data ? (data.services?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : [])) : null;
  const total = data?.services?.totalCount ?? 0;

  // The widget's frame is small: the service opens on the app's page, by the Dashboard.
  const open = (row: Row) => bridge.dispatch(
    actions.Redirect({ to: servicePagePath(bridge.getState().id, row.id), newContext: false }),
  ).catch(() => undefined);

  if (!customer) {
    return <Empty title={intl.formatMessage({ id: "widget.noCustomer" })}>{intl.formatMessage({ id: "widget.noCustomerHint" })}</Empty>;
  }
  if (error) return <Failure error={error} retry={load} />;
  if (!rows) return <Loading text={intl.formatMessage({ id: "state.loading" })} />;
  if (!rows.length) {
    return <Empty title={intl.formatMessage({ id: "widget.none" })}>{intl.formatMessage({ id: "widget.noneHint" })}</Empty>;
  }
  return (
    <Box display="flex" flexDirection="column" gap={1} data-testid="customer-services">
      <Text size={2} color="default2">{intl.formatMessage({ id: "widget.count" }, { count: total })}</Text>
      {rows.map((row) => (
        <Box key={row.id} display="flex" gap={2} alignItems="center" flexWrap="wrap" data-widget-service={row.id}>
          <Button variant="tertiary" size="small" onClick={() => open(row)}
                  title={intl.formatMessage({ id: "widget.open" }, { product: row.productName })}>
            {row.productName}
          </Button>
          <Text size={2}>{row.domain}</Text>
          <StatusBadge status={row.status} />
        </Box>
      ))}
    </Box>
  );
}
