import { Box, Button, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useState } from "react";
import { useApp } from "../App";
import { Empty, Failure, Loading, StatusBadge } from "../components/common";
import { CUSTOMER_SERVICES } from "../queries";

interface Row { id: string; productName: string; domain: string; status: string; nextDueDate: string | null }

/** On the Dashboard's customer page: that customer's services. */
export function CustomerWidget({ customerId }: { customerId: string }) {
  const { graphql, navigate } = useApp();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      const data = await graphql<{ services: { totalCount: number; edges: { node: Row }[] } }>(
        CUSTOMER_SERVICES, { customer: customerId });
      setRows(data.services.edges.map(({ node }) => node));
      setTotal(data.services.totalCount);
    } catch (failure) {
      setError(String((failure as Error).message));
    }
  }, [graphql, customerId]);
  useEffect(() => { load(); }, [load]);

  if (!customerId) return <Empty title="No customer">Open this on a customer's page.</Empty>;
  if (error) return <Failure error={error} retry={load} />;
  if (!rows) return <Loading what="services" />;
  if (!rows.length) return <Empty title="No services">This customer has no services.</Empty>;
  return (
    <Box display="flex" flexDirection="column" gap={1} data-testid="customer-services">
      <Text size={2} color="default2">{total} services</Text>
      {rows.map((row) => (
        <Box key={row.id} display="flex" gap={2} alignItems="center">
          <Button variant="tertiary" size="small" onClick={() => navigate(`/services/${encodeURIComponent(row.id)}`)}>
            {row.productName}
          </Button>
          <Text size={2}>{row.domain}</Text>
          <StatusBadge status={row.status} />
        </Box>
      ))}
    </Box>
  );
}
