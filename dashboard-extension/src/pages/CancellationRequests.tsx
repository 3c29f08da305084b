import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useIntl } from "react-intl";
import { useClient } from "urql";
import { useApp } from "../App";
import { notify } from "../bridge";
import { refusalsOf, usePageQuery } from "../client";
import { Confirm, Empty, ErrorList, Failure, Loading, type Refusal } from "../components/common";
import type { CancellationRequestsQuery as Requests, ServiceCancellationRequestStatus } from "../gql/graphql";
import { CANCELLATION_STATUSES, CancellationCountsQuery, CancellationRequestsQuery, DECIDE } from "../queries";

type Request = NonNullable<NonNullable<NonNullable<Requests["serviceCancellationRequests"]>["edges"][number]>["node"]>;
type Decision = keyof typeof DECIDE;

function QueueTabs({ status, onChange }: { status: string; onChange: (status: ServiceCancellationRequestStatus) => void }) {
  const intl = useIntl();
  const { data } = usePageQuery(CancellationCountsQuery, {});
  return (
    <Box display="flex" gap={1} flexWrap="wrap" role="tablist">
      {CANCELLATION_STATUSES.map((value) => {
        const count = data?.[value]?.totalCount;
        return (
          <Button key={value} size="small" role="tab" aria-selected={status === value} data-tab={value}
                  variant={status === value ? "primary" : "secondary"} onClick={() => onChange(value)}>
            {intl.formatMessage({ id: `queue.tab.${value}` })}{count !== undefined && count !== null ? ` (${count})` : ""}
          </Button>
        );
      })}
    </Box>
  );
}

/** The note staff may add to a decision (react-hook-form), confirmed in a dialog. */
function DecisionDialog({ deciding, onDone, onClose }: {
  deciding: { request: Request; kind: Decision } | null; onDone: (errors: Refusal[]) => void; onClose: () => void;
}) {
  const intl = useIntl();
  const client = useClient();
  const { bridge } = useApp();
  const { register, handleSubmit, reset, formState } = useForm<{ note: string }>({ defaultValues: { note: "" } });
  const decide = handleSubmit(async ({ note }) => {
    if (!deciding) return;
    const outcome = await client.mutation(DECIDE[deciding.kind], { id: deciding.request.id, note: note || null }).toPromise();
    const errors = refusalsOf(intl, outcome);
    if (!errors.length) notify(bridge, "success", intl.formatMessage({ id: `queue.${deciding.kind}.done` }));
    reset();
    onDone(errors);
  });
  const kind = deciding?.kind ?? "approve";
  return (
    <Confirm open={deciding !== null} title={intl.formatMessage({ id: `queue.${kind}.confirm` })}
             confirmLabel={intl.formatMessage({ id: `queue.${kind}` })} onConfirm={decide}
             onClose={() => { reset(); onClose(); }} busy={formState.isSubmitting} destructive={kind === "reject"}>
      <Input label={intl.formatMessage({ id: "queue.note" })} {...register("note")} />
    </Confirm>
  );
}

export function CancellationRequests() {
  const { navigate } = useApp();
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const [status, setStatus] = useState<ServiceCancellationRequestStatus>("PENDING");
  const [deciding, setDeciding] = useState<{ request: Request; kind: Decision } | null>(null);
  const [errors, setErrors] = useState<Refusal[]>([]);
  const [generation, setGeneration] = useState(0);
  const { data, error, fetching, refetch } = usePageQuery(CancellationRequestsQuery, { filter: { status: [status] } });
  const requests = fetching || !data ? null
    : (data.serviceCancellationRequests?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <QueueTabs key={generation} status={status} onChange={setStatus} />
      <ErrorList errors={errors} />
      {error ? <Failure error={error} retry={refetch} /> : !requests ? <Loading /> : !requests.length ? (
        <Empty title={t("queue.empty")}>{t(`queue.emptyHint.${status}`)}</Empty>
      ) : (
        <Box display="flex" flexDirection="column" gap={2} data-testid="requests">
          {requests.map((request) => (
            <Box key={request.id} data-request={request.id} display="flex" gap={4} alignItems="center" flexWrap="wrap"
                 padding={3} borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={4}>
              <Box display="flex" flexDirection="column" alignItems="flex-start" __flexGrow="1" __minWidth="240px">
                <Button variant="tertiary" size="small" onClick={() => navigate(`/services/${encodeURIComponent(request.service.id)}`)}>
                  {request.service.productName} {request.service.domain && `(${request.service.domain})`}
                </Button>
                <Text size={2}>
                  {t("queue.line", { email: request.service.userEmail, type: t(`queue.type.${request.type}`), date: request.effectiveDate ?? "—" })}
                </Text>
                <Text size={2} color="default2">“{request.reason}”</Text>
              </Box>
              {request.status === "PENDING" && (
                <Box display="flex" gap={2}>
                  <Button size="small" variant="primary" data-decide="approve"
                          onClick={() => { setErrors([]); setDeciding({ request, kind: "approve" }); }}>{t("queue.approve")}</Button>
                  <Button size="small" variant="secondary" data-decide="reject"
                          onClick={() => { setErrors([]); setDeciding({ request, kind: "reject" }); }}>{t("queue.reject")}</Button>
                </Box>
              )}
            </Box>
          ))}
        </Box>
      )}
      <DecisionDialog deciding={deciding} onClose={() => setDeciding(null)} onDone={(refusals) => {
        setErrors(refusals);
        setDeciding(null);
        refetch();
        setGeneration((value) => value + 1);
      }} />
    </Box>
  );
}
