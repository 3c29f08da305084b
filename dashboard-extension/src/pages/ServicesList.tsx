import { Box, Button, Checkbox, Input, Select, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useState } from "react";
import type { ServiceError } from "../api";
import { useApp } from "../App";
import { notify } from "../bridge";
import { Confirm, Empty, ErrorList, Failure, Loading, Money, STATUSES, StatusBadge, label } from "../components/common";
import { BULK, PLANS, SERVICES, STATUS_COUNTS } from "../queries";

interface Row {
  id: string; productName: string; domain: string; status: string; nextDueDate: string | null;
  userEmail: string; customerName: string; serverHostname: string;
  recurringAmount: { amount: number; currency: string }; plan: { id: string; name: string };
  cancellationPending: boolean;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { node: Row }[];
}

const SORTS = [
  ["CUSTOMER", "Customer"], ["NAME", "Product"], ["DOMAIN", "Domain"], ["NEXT_DUE_DATE", "Next due date"],
  ["STATUS", "Status"], ["SERVER", "Server"], ["CREATED_AT", "Created"], ["AMOUNT", "Amount"],
];
const PAGE_SIZE = 20;
type BulkKind = keyof typeof BULK;

export function ServicesList() {
  const { graphql, navigate, bridge } = useApp();
  const [tab, setTab] = useState<string>("ALL");
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [search, setSearch] = useState("");
  const [plan, setPlan] = useState<string>("");
  const [plans, setPlans] = useState<{ value: string; label: string }[]>([]);
  const [server, setServer] = useState("");
  const [customer, setCustomer] = useState("");
  const [dueFrom, setDueFrom] = useState("");
  const [dueTo, setDueTo] = useState("");
  const [sort, setSort] = useState({ field: "CREATED_AT", direction: "DESC" });
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  const [bulkResult, setBulkResult] = useState<{ count: number; errors: ServiceError[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    setPage(null);
    const filter: Record<string, unknown> = {};
    if (tab !== "ALL") filter.status = [tab];
    if (plan) filter.plans = [plan];
    if (server) filter.servers = [server];
    if (customer) filter.customer = customer;
    if (dueFrom || dueTo) filter.nextDueDate = { ...(dueFrom && { gte: dueFrom }), ...(dueTo && { lte: dueTo }) };
    try {
      const data = await graphql<{ services: Page }>(SERVICES, {
        ...(cursor.before ? { last: PAGE_SIZE, before: cursor.before } : { first: PAGE_SIZE, after: cursor.after }),
        filter, search: search || null, sortBy: sort,
      });
      setPage(data.services);
    } catch (failure) {
      setError(String((failure as Error).message));
    }
  }, [graphql, tab, plan, server, customer, dueFrom, dueTo, search, sort, cursor]);

  const loadCounts = useCallback(async () => {
    try {
      const data = await graphql<Record<string, { totalCount: number }>>(STATUS_COUNTS);
      setCounts(Object.fromEntries(Object.entries(data).map(([key, value]) => [key, value.totalCount])));
    } catch {
      setCounts({});
    }
  }, [graphql]);

  useEffect(() => { load(); }, [load]);
  useEffect(() => { loadCounts(); }, [loadCounts]);
  useEffect(() => {
    graphql<{ servicePlans: { edges: { node: { id: string; name: string } }[] } }>(PLANS)
      .then((data) => setPlans(data.servicePlans.edges.map(({ node }) => ({ value: node.id, label: node.name }))))
      .catch(() => setPlans([]));
  }, [graphql]);

  const resetPaging = () => { setCursor({}); setSelected(new Set()); };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  };

  const runBulk = async () => {
    if (!bulk) return;
    setBusy(true);
    try {
      const data = await graphql<{ result: { count: number; errors: ServiceError[] } }>(BULK[bulk], { ids: [...selected] });
      setBulkResult(data.result);
      notify(bridge, data.result.errors.length ? "error" : "success",
        `${label(bulk)}: ${data.result.count} service(s) changed`,
        data.result.errors.length ? `${data.result.errors.length} could not be changed` : undefined);
      setSelected(new Set());
      await Promise.all([load(), loadCounts()]);
    } catch (failure) {
      setBulkResult({ count: 0, errors: [{ field: null, code: "GRAPHQL_ERROR", message: String((failure as Error).message) }] });
    } finally {
      setBusy(false);
      setBulk(null);
    }
  };

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <Box display="flex" gap={1} flexWrap="wrap" role="tablist">
        {["ALL", ...STATUSES].map((status) => (
          <Button key={status} role="tab" aria-selected={tab === status} data-tab={status}
                  variant={tab === status ? "primary" : "secondary"} size="small"
                  onClick={() => { setTab(status); resetPaging(); }}>
            {status === "ALL" ? "All" : label(status)} ({(status === "ALL" ? counts.all : counts[status]) ?? "…"})
          </Button>
        ))}
      </Box>
      <Box display="grid" __gridTemplateColumns="repeat(auto-fill, minmax(170px, 1fr))" gap={2} data-testid="filters">
        <Input label="Search domain, e-mail, name, product" value={search} data-testid="search"
               onChange={(event) => { setSearch(event.target.value); resetPaging(); }} />
        <Select label="Plan" options={[{ value: "", label: "All plans" }, ...plans]} value={plan}
                onChange={(value) => { setPlan(value as string); resetPaging(); }} />
        <Input label="Server" value={server} onChange={(event) => { setServer(event.target.value); resetPaging(); }} />
        <Input label="Customer" value={customer} onChange={(event) => { setCustomer(event.target.value); resetPaging(); }} />
        <Input label="Due from" type="date" value={dueFrom} onChange={(event) => { setDueFrom(event.target.value); resetPaging(); }} />
        <Input label="Due to" type="date" value={dueTo} onChange={(event) => { setDueTo(event.target.value); resetPaging(); }} />
      </Box>
      <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
        <Text size={2} color="default2">{selected.size} selected</Text>
        {(["suspend", "unsuspend", "terminate"] as BulkKind[]).map((kind) => (
          <Button key={kind} variant={kind === "terminate" && selected.size ? "error" : "secondary"} size="small"
                  disabled={!selected.size} onClick={() => { setBulkResult(null); setBulk(kind); }}>
            {label(kind)}
          </Button>
        ))}
      </Box>
      {bulkResult && (
        <Box data-testid="bulk-result" display="flex" flexDirection="column" gap={1}>
          <Text>{bulkResult.count} service(s) changed.</Text>
          <ErrorList errors={bulkResult.errors} />
        </Box>
      )}
      {error ? <Failure error={error} retry={load} /> : !page ? <Loading what="services" /> : !page.edges.length ? (
        <Empty title="No services here">No service matches these filters.</Empty>
      ) : (
        <Box __overflowX="auto">
        <Box as="table" width="100%" data-testid="services-table" __borderCollapse="collapse">
          <thead>
            <tr>
              <th />
              {SORTS.filter(([field]) => !["CREATED_AT"].includes(field)).map(([field, title]) => (
                <Box as="th" key={field} textAlign="left" padding={2}>
                  <Button variant="tertiary" size="small" data-sort={field}
                          onClick={() => { setSort({ field, direction: sort.field === field && sort.direction === "ASC" ? "DESC" : "ASC" }); resetPaging(); }}>
                    {title}{sort.field === field ? (sort.direction === "ASC" ? " ↑" : " ↓") : ""}
                  </Button>
                </Box>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.edges.map(({ node }) => (
              <Box as="tr" key={node.id} data-service={node.id} borderTopStyle="solid" borderTopWidth={1} borderColor="default1">
                <Box as="td" padding={2}>
                  <Checkbox checked={selected.has(node.id)} onCheckedChange={() => toggle(node.id)} aria-label={`Select ${node.domain || node.id}`} />
                </Box>
                <Box as="td" padding={2}><Text size={2}>{node.customerName || node.userEmail}</Text></Box>
                <Box as="td" padding={2}>
                  <Button variant="tertiary" size="small" onClick={() => navigate(`/services/${encodeURIComponent(node.id)}`)}>
                    {node.productName}
                  </Button>
                </Box>
                <Box as="td" padding={2}><Text size={2}>{node.domain || "—"}</Text></Box>
                <Box as="td" padding={2} __whiteSpace="nowrap"><Text size={2} __whiteSpace="nowrap">{node.nextDueDate ?? "—"}</Text></Box>
                <Box as="td" padding={2}><StatusBadge status={node.status} />{node.cancellationPending && <Text size={1} color="warning1"> cancellation requested</Text>}</Box>
                <Box as="td" padding={2}><Text size={2}>{node.serverHostname || "—"}</Text></Box>
                <Box as="td" padding={2}><Text size={2}><Money value={node.recurringAmount} /></Text></Box>
              </Box>
            ))}
          </tbody>
        </Box>
        </Box>
      )}
      {page && (
        <Box display="flex" gap={2} alignItems="center" justifyContent="flex-end">
          <Text size={2} color="default2" data-testid="total">{page.totalCount} services</Text>
          <Button variant="secondary" size="small" disabled={!page.pageInfo.hasPreviousPage}
                  onClick={() => setCursor({ before: page.pageInfo.startCursor ?? undefined })}>Previous</Button>
          <Button variant="secondary" size="small" disabled={!page.pageInfo.hasNextPage}
                  onClick={() => setCursor({ after: page.pageInfo.endCursor ?? undefined })}>Next</Button>
        </Box>
      )}
      <Confirm open={bulk !== null} title={`${bulk ? label(bulk) : ""} ${selected.size} service(s)?`}
               confirmLabel={bulk ? label(bulk) : "OK"} onConfirm={runBulk} onClose={() => setBulk(null)} busy={busy}>
        <Text>Each service that cannot be changed is reported; the others are changed.</Text>
      </Confirm>
    </Box>
  );
}
