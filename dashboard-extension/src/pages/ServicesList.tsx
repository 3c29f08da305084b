import { Box, Button, Checkbox, Input, Select, Text } from "@saleor/macaw-ui";
import { useMemo, useState } from "react";
import { useIntl } from "react-intl";
import { useClient } from "urql";
import { useApp } from "../App";
import { notify } from "../bridge";
import { refusalsOf, usePageQuery } from "../client";
import { Confirm, Empty, ErrorList, Failure, Loading, Money, type Refusal, STATUSES, StatusBadge, statusName } from "../components/common";
import type { ServiceFilterInput, ServiceSortField, ServiceStatus } from "../gql/graphql";
import { BULK, PlanNamesQuery, ServicesQuery, StatusCountsQuery } from "../queries";

const COLUMNS: ServiceSortField[] = ["CUSTOMER", "NAME", "DOMAIN", "NEXT_DUE_DATE", "STATUS", "SERVER", "AMOUNT"];
const PAGE_SIZE = 20;
type BulkKind = keyof typeof BULK;

interface Filters { search: string; plan: string; server: string; customer: string; dueFrom: string; dueTo: string }
const NO_FILTERS: Filters = { search: "", plan: "", server: "", customer: "", dueFrom: "", dueTo: "" };

function filterInput(tab: string, filters: Filters): ServiceFilterInput {
  const filter: ServiceFilterInput = {};
  if (tab !== "ALL") filter.status = [tab as ServiceStatus];
  if (filters.plan) filter.plans = [filters.plan];
  if (filters.server) filter.servers = [filters.server];
  if (filters.customer) filter.customer = filters.customer;
  if (filters.dueFrom || filters.dueTo) {
    filter.nextDueDate = { ...(filters.dueFrom && { gte: filters.dueFrom }), ...(filters.dueTo && { lte: filters.dueTo }) };
  }
  return filter;
}

function StatusTabs({ tab, onChange }: { tab: string; onChange: (tab: string) => void }) {
  const intl = useIntl();
  const { data } = usePageQuery(StatusCountsQuery, {});
  const counts: Record<string, number | null | undefined> = Object.fromEntries(
    Object.entries(data ?? {}).map(([key, value]) => [key, (value as { totalCount?: number | null }).totalCount]));
  return (
    <Box display="flex" gap={1} flexWrap="wrap" role="tablist">
      {["ALL", ...STATUSES].map((status) => {
        const name = status === "ALL" ? intl.formatMessage({ id: "list.all" }) : statusName(intl, status);
        return (
          <Button key={status} role="tab" aria-selected={tab === status} data-tab={status}
                  variant={tab === status ? "primary" : "secondary"} size="small" onClick={() => onChange(status)}>
            {name.charAt(0).toUpperCase() + name.slice(1)} ({(status === "ALL" ? counts.all : counts[status]) ?? "…"})
          </Button>
        );
      })}
    </Box>
  );
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const intl = useIntl();
  const { data } = usePageQuery(PlanNamesQuery, {});
  const plans = (data?.servicePlans?.edges ?? []).flatMap((edge) => edge?.node ? [{ value: edge.node.id, label: edge.node.name }] : []);
  const t = (id: string) => intl.formatMessage({ id });
  const text = (key: keyof Filters, id: string, type?: "date") => (
    <Input label={t(id)} type={type} value={filters[key]} data-testid={key === "search" ? "search" : undefined}
           onChange={(event) => onChange({ ...filters, [key]: event.target.value })} />
  );
  return (
    <Box display="grid" __gridTemplateColumns="repeat(auto-fill, minmax(170px, 1fr))" gap={2} data-testid="filters">
      {text("search", "list.search")}
      <Select label={t("list.plan")} options={[{ value: "", label: t("list.allPlans") }, ...plans]} value={filters.plan}
              onChange={(value) => onChange({ ...filters, plan: value as string })} />
      {text("server", "list.server")}
      {text("customer", "list.customer")}
      {text("dueFrom", "list.dueFrom", "date")}
      {text("dueTo", "list.dueTo", "date")}
    </Box>
  );
}

export function ServicesList() {
  const { navigate, bridge } = useApp();
  const intl = useIntl();
  const client = useClient();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [tab, setTab] = useState<string>("ALL");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<{ field: ServiceSortField; direction: "ASC" | "DESC" }>({ field: "CREATED_AT", direction: "DESC" });
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  const [bulkResult, setBulkResult] = useState<{ count: number; errors: Refusal[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  const variables = useMemo(() => ({
    ...(cursor.before ? { last: PAGE_SIZE, before: cursor.before } : { first: PAGE_SIZE, after: cursor.after }),
    filter: filterInput(tab, filters), search: filters.search || null, sortBy: sort,
  }), [cursor, tab, filters, sort]);
  const { data, error, fetching, refetch } = usePageQuery(ServicesQuery, variables);
  const page = fetching ? undefined : data?.services;
  const rows = (page?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));

  const resetPaging = () => { setCursor({}); setSelected(new Set()); };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  };
  const bulkName = (kind: BulkKind) => t(`bulk.${kind}`);

  const runBulk = async () => {
    if (!bulk) return;
    setBusy(true);
    const outcome = await client.mutation(BULK[bulk], { ids: [...selected] }).toPromise();
    // Each refusal names its service as staff see it in the table, not by its global id.
    const names = new Map(rows.map((row) => [row.id, row.domain || row.productName]));
    const errors = refusalsOf(intl, outcome).map((refusal) =>
      refusal.serviceId ? { ...refusal, serviceId: names.get(refusal.serviceId) ?? refusal.serviceId } : refusal);
    const count = outcome.data?.result?.count ?? 0;
    setBulkResult({ count, errors });
    if (!outcome.error) {
      notify(bridge, errors.length ? "error" : "success", t("bulk.done", { action: bulkName(bulk), count }),
        errors.length ? t("bulk.refused", { count: errors.length }) : undefined);
      setSelected(new Set());
    }
    setBusy(false);
    setBulk(null);
    refetch();
    setGeneration(generation + 1);
  };

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <StatusTabs key={generation} tab={tab} onChange={(status) => { setTab(status); resetPaging(); }} />
      <FilterBar filters={filters} onChange={(next) => { setFilters(next); resetPaging(); }} />
      <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
        <Text size={2} color="default2">{t("list.selected", { count: selected.size })}</Text>
        {(["suspend", "unsuspend", "terminate"] as BulkKind[]).map((kind) => (
          <Button key={kind} variant={kind === "terminate" && selected.size ? "error" : "secondary"} size="small"
                  disabled={!selected.size} onClick={() => { setBulkResult(null); setBulk(kind); }}>
            {bulkName(kind)}
          </Button>
        ))}
      </Box>
      {bulkResult && (
        <Box data-testid="bulk-result" display="flex" flexDirection="column" gap={1}>
          <Text>{t("bulk.changed", { count: bulkResult.count })}</Text>
          <ErrorList errors={bulkResult.errors} />
        </Box>
      )}
      {error ? <Failure error={error} retry={refetch} /> : !page ? <Loading /> : !rows.length ? (
        <Empty title={t("list.empty")}>{t("list.emptyHint")}</Empty>
      ) : (
        <Box __overflowX="auto">
          <Box as="table" width="100%" data-testid="services-table" __borderCollapse="collapse">
            <thead>
              <tr>
                <th />
                {COLUMNS.map((field) => (
                  <Box as="th" key={field} textAlign="left" padding={2}>
                    <Button variant="tertiary" size="small" data-sort={field}
                            onClick={() => { setSort({ field, direction: sort.field === field && sort.direction === "ASC" ? "DESC" : "ASC" }); resetPaging(); }}>
                      {t(`column.${field}`)}{sort.field === field ? (sort.direction === "ASC" ? " ↑" : " ↓") : ""}
                    </Button>
                  </Box>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((node) => (
                <Box as="tr" key={node.id} data-service={node.id} borderTopStyle="solid" borderTopWidth={1} borderColor="default1">
                  <Box as="td" padding={2}>
                    <Checkbox checked={selected.has(node.id)} onCheckedChange={() => toggle(node.id)}
                              aria-label={t("list.select", { name: node.domain || node.id })} />
                  </Box>
                  <Box as="td" padding={2}><Text size={2}>{node.customerName || node.userEmail}</Text></Box>
                  <Box as="td" padding={2}>
                    <Button variant="tertiary" size="small" onClick={() => navigate(`/services/${encodeURIComponent(node.id)}`)}>
                      {node.productName}
                    </Button>
                  </Box>
                  <Box as="td" padding={2}><Text size={2}>{node.domain || "—"}</Text></Box>
                  <Box as="td" padding={2} __whiteSpace="nowrap"><Text size={2} __whiteSpace="nowrap">{node.nextDueDate ?? "—"}</Text></Box>
                  <Box as="td" padding={2}>
                    <StatusBadge status={node.status} />
                    {node.cancellationPending && <Text size={1} color="warning1"> {t("list.cancellationRequested")}</Text>}
                  </Box>
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
          <Text size={2} color="default2" data-testid="total">{page.totalCount == null ? t("list.countUnknown") : t("widget.count", { count: page.totalCount })}</Text>
          <Button variant="secondary" size="small" disabled={!page.pageInfo.hasPreviousPage}
                  onClick={() => setCursor({ before: page.pageInfo.startCursor ?? undefined })}>{t("list.previous")}</Button>
          <Button variant="secondary" size="small" disabled={!page.pageInfo.hasNextPage}
                  onClick={() => setCursor({ after: page.pageInfo.endCursor ?? undefined })}>{t("list.next")}</Button>
        </Box>
      )}
      <Confirm open={bulk !== null} title={bulk ? t("bulk.confirmTitle", { action: bulkName(bulk), count: selected.size }) : ""}
               confirmLabel={bulk ? bulkName(bulk) : "OK"} onConfirm={runBulk} onClose={() => setBulk(null)} busy={busy}
               destructive={bulk === "terminate"}>
        <Text>{t("bulk.confirmBody")}</Text>
      </Confirm>
    </Box>
  );
}
