import { actions } from "@saleor/app-sdk/app-bridge";
import { Box, Button, Text } from "@saleor/macaw-ui";
import { type ReactNode, useState } from "react";
import { useIntl } from "react-intl";
import { useClient } from "urql";
import { useApp } from "../App";
import { notify } from "../bridge";
import { refusalsOf, usePageQuery } from "../client";
import { Confirm, ErrorList, Failure, Loading, Money, type Refusal, StatusBadge, statusName } from "../components/common";
import { PlanChange } from "../components/service/PlanChange";
import { ServiceEditForm, editValuesOf } from "../components/service/ServiceEditForm";
import type { ServiceAction, ServiceQuery as ServiceData } from "../gql/graphql";
import { ACTIONS, ServiceQuery, TASKS } from "../queries";

type Detail = NonNullable<ServiceData["service"]>;
type Task = { name: keyof typeof TASKS; id: string };

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Box display="flex" flexDirection="column" gap={2} padding={4} borderStyle="solid" borderWidth={1}
         borderColor="default1" borderRadius={4}>
      <Box display="flex" alignItems="center" justifyContent="space-between" gap={2}>
        <Text size={5} fontWeight="bold">{title}</Text>
        {action}
      </Box>
      {children}
    </Box>
  );
}

function Field({ name, value }: { name: string; value: ReactNode }) {
  return (
    <Box display="flex" gap={2}>
      <Text size={2} color="default2" __minWidth="140px">{name}</Text>
      <Text size={2}>{value || "—"}</Text>
    </Box>
  );
}

function Password({ service, unavailable }: { service: Detail; unavailable: boolean }) {
  const intl = useIntl();
  const [revealed, setRevealed] = useState(false);
  if (unavailable) {
    return <Text size={2} color="warning1" data-testid="password-unavailable">{intl.formatMessage({ id: "detail.passwordUnavailable" })}</Text>;
  }
  if (!service.password) return <>—</>;
  return revealed ? <>{service.password}</> : (
    <Button size="small" variant="tertiary" onClick={() => setRevealed(true)}>{intl.formatMessage({ id: "detail.reveal" })}</Button>
  );
}

function Renewals({ service, onTask }: { service: Detail; onTask: (task: Task) => void }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  if (!service.renewals.length) return <Text size={2} color="default2">{t("detail.noRenewal")}</Text>;
  return (
    <Box display="flex" flexDirection="column" gap={2} data-testid="renewals">
      {service.renewals.map((renewal) => (
        <Box key={renewal.id} display="flex" gap={4} alignItems="center" flexWrap="wrap" data-renewal-row={renewal.id}>
          <Text size={2} __whiteSpace="nowrap">{renewal.periodStart} – {renewal.periodEnd}</Text>
          <Text size={2}>{t(`renewal.kind.${renewal.kind}`)}</Text>
          <Text size={2} __whiteSpace="nowrap">{t("detail.due", { date: renewal.dueDate })}</Text>
          <Text size={2}><Money value={renewal.amount} /></Text>
          <Text size={2} data-renewal-status={renewal.status}>{t(`renewal.status.${renewal.status}`)}</Text>
          {renewal.status === "OPEN" && (["markPaid", "void"] as const).map((name) => (
            <Button key={name} size="small" variant={name === "void" ? "error" : "secondary"} data-task={name}
                    data-renewal={renewal.id} onClick={() => onTask({ name, id: renewal.id })}>
              {t(`task.${name}`)}
            </Button>
          ))}
        </Box>
      ))}
    </Box>
  );
}

function ActivityLog({ service }: { service: Detail }) {
  const intl = useIntl();
  return (
    <Box display="flex" flexDirection="column" gap={1} data-testid="activity-log">
      {service.events.slice().reverse().map((event) => (
        <Box key={event.id} display="flex" gap={3} flexWrap="wrap" data-event={event.type}>
          <Text size={2} color="default2" __minWidth="170px">{intl.formatDate(event.date, { dateStyle: "medium", timeStyle: "short" })}</Text>
          <Text size={2} fontWeight="medium">{intl.formatMessage({ id: `event.${event.type}` })}</Text>
          <Text size={2}>{event.actorEmail ?? intl.formatMessage({ id: `actor.${event.actorType}` })}</Text>
          {event.reason && <Text size={2} color="default2">“{event.reason}”</Text>}
          {event.note && <Text size={2} color="default2">“{event.note}”</Text>}
        </Box>
      ))}
    </Box>
  );
}

export function ServiceDetail({ id }: { id: string }) {
  const { navigate, bridge } = useApp();
  const intl = useIntl();
  const t = (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
  const client = useClient();
  const actionLabel = (key: string) => t(`action.${key}`);
  const { data, error, fieldErrors, refetch } = usePageQuery(ServiceQuery, { id });
  const [pending, setPending] = useState<ServiceAction | null>(null);
  const [task, setTask] = useState<Task | null>(null);
  const [errors, setErrors] = useState<Refusal[]>([]);
  const [refusedIn, setRefusedIn] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState(false);

  const run = async (key: ServiceAction) => {
    const action = ACTIONS[key];
    setPending(null);
    if (!action) return;
    const outcome = await client.mutation(action.document, { id }).toPromise();
    const found = refusalsOf(intl, outcome);
    if (!found.length) {
      setErrors([]);
      notify(bridge, "success", t("action.done", { action: actionLabel(key) }));
      refetch();
      return;
    }
    // A refusal means the page was out of date (someone else acted): show what is true now,
    // and the refusal with the status it was about, together.
    const fresh = await client.query(ServiceQuery, { id }).toPromise();
    setRefusedIn(fresh.data?.service?.status);
    refetch();
    setErrors(found);
  };

  const perform = async ({ name, id: target }: Task) => {
    setTask(null);
    const outcome = await client.mutation(TASKS[name], { id: target }).toPromise();
    const found = refusalsOf(intl, outcome);
    setErrors(found);
    if (!found.length) notify(bridge, "success", t("action.done", { action: t(`task.${name}`) }));
    refetch();
  };
  // Saleor's pages, opened by the Dashboard (the app's frame never leaves the app).
  const openInDashboard = (to: string) =>
    bridge.dispatch(actions.Redirect({ to, newContext: false })).catch(() => undefined);

  if (error) return <Failure error={error} retry={refetch} />;
  if (!data) return <Loading />;
  const service = data.service;
  if (!service) return <Failure error={t("detail.missing")} retry={refetch} />;
  const passwordUnavailable = fieldErrors.some((item) => item.path?.join(".") === "service.password");
  const offered = service.availableActions.filter((key): key is ServiceAction => key in ACTIONS);
  return (
    <Box display="flex" flexDirection="column" gap={4} data-testid="service-detail">
      <Box display="flex" gap={3} alignItems="center" flexWrap="wrap">
        <Button variant="tertiary" onClick={() => navigate("/services")}>{t("detail.back")}</Button>
        <Text size={7} fontWeight="bold">{service.productName}</Text>
        <StatusBadge status={service.status} />
      </Box>
      <Box display="flex" gap={2} flexWrap="wrap" data-testid="actions">
        {offered.map((key) => (
          <Button key={key} size="small" variant={ACTIONS[key]?.destructive ? "error" : "secondary"}
                  data-action={key} onClick={() => { setErrors([]); setPending(key); }}>
            {actionLabel(key)}
          </Button>
        ))}
        {!offered.length && <Text size={2} color="default2">{t("detail.noActions")}</Text>}
      </Box>
      <Box display="flex" gap={2} flexWrap="wrap" data-testid="links">
        {service.orderId && (
          <Button size="small" variant="tertiary" data-link="order"
                  onClick={() => openInDashboard(`/orders/${encodeURIComponent(btoa(`Order:${service.orderId}`))}`)}>
            {t("link.order")}
          </Button>
        )}
        <Button size="small" variant="tertiary" data-link="customer"
                onClick={() => openInDashboard(`/customers/?query=${encodeURIComponent(service.userEmail)}`)}>
          {t("link.customer")}
        </Button>
      </Box>
      <ErrorList errors={errors} status={refusedIn} />
      {editing ? (
        <Section title={t("edit.title")}>
          <ServiceEditForm id={id} initial={editValuesOf(service)} onCancel={() => setEditing(false)}
                           onSaved={() => { setEditing(false); refetch(); }} />
        </Section>
      ) : (
        <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(320px, 1fr))" gap={4}>
          <Section title={t("detail.product")} action={
            <Button size="small" variant="secondary" data-testid="edit-service" onClick={() => setEditing(true)}>{t("edit.button")}</Button>
          }>
            <Field name={t("field.product")} value={`${service.productName} ${service.variantName}`} />
            <Field name={t("field.plan")} value={service.plan.name} />
            <Field name={t("field.domain")} value={service.domain} />
            <Field name={t("field.customer")} value={`${service.customerName} <${service.userEmail}>`} />
          </Section>
          <Section title={t("detail.billing")}>
            <Field name={t("field.cycle")} value={t(`cycle.${service.billingCycle}`)} />
            <Field name={t("field.amount")} value={<Money value={service.recurringAmount} />} />
            <Field name={t("field.nextDueDate")} value={service.nextDueDate} />
            <Field name={t("field.created")} value={service.createdAt.slice(0, 10)} />
          </Section>
          <Section title={t("detail.provisioning")}>
            <Field name={t("field.server")} value={service.serverHostname} />
            <Field name={t("field.username")} value={service.username} />
            <Field name={t("field.package")} value={service.packageName} />
            <Field name={t("field.password")} value={<Password service={service} unavailable={passwordUnavailable} />} />
            <Field name={t("field.state")} value={t(`provisioning.${service.provisioningState}`)} />
            {service.provisioningError && <Text color="critical1" size={2}>{service.provisioningError}</Text>}
            {service.provisioningState === "FAILED" && (
              <Box>
                <Button size="small" variant="secondary" data-task="retryProvisioning"
                        onClick={() => { setErrors([]); setTask({ name: "retryProvisioning", id }); }}>
                  {t("task.retryProvisioning")}
                </Button>
              </Box>
            )}
          </Section>
          <Section title={t("detail.options")}>
            {Object.entries((service.options ?? {}) as Record<string, unknown>).map(([key, value]) =>
              <Field key={key} name={key} value={typeof value === "object" ? JSON.stringify(value) : String(value)} />)}
            {service.cancellationRequest ? (
              <Text size={2} color="warning1">
                {t("detail.cancellation", {
                  status: t(`queue.tab.${service.cancellationRequest.status}`),
                  type: t(`queue.type.${service.cancellationRequest.type}`),
                  date: service.cancellationRequest.effectiveDate ?? "—",
                  reason: service.cancellationRequest.reason,
                })}
              </Text>
            ) : <Text size={2} color="default2">{t("detail.noCancellation")}</Text>}
          </Section>
        </Box>
      )}
      <Section title={t("change.title")}>
        <PlanChange serviceId={id} targets={service.plan.changeTargets} pendingPlan={service.pendingPlan}
                    upgradeOpen={service.renewals.some((renewal) => renewal.kind === "UPGRADE" && renewal.status === "OPEN")}
                    onChanged={refetch} />
      </Section>
      <Section title={t("detail.renewals")}>
        <Renewals service={service} onTask={(next) => { setErrors([]); setTask(next); }} />
      </Section>
      <Section title={t("detail.activity")}>
        <ActivityLog service={service} />
      </Section>
      <Confirm open={task !== null} onClose={() => setTask(null)} onConfirm={() => task && perform(task)}
               title={task ? t(`task.${task.name}.confirm`) : ""}
               confirmLabel={task ? t(`task.${task.name}`) : "OK"} destructive={task?.name === "void"}>
        <Text>{service.productName} {service.domain && `(${service.domain})`}</Text>
      </Confirm>
      <Confirm open={pending !== null}
               title={pending ? t("action.confirmTitle", { action: actionLabel(pending) }) : ""}
               confirmLabel={pending ? actionLabel(pending) : "OK"} onConfirm={() => pending && run(pending)}
               destructive={pending ? ACTIONS[pending]?.destructive : false} onClose={() => setPending(null)}>
        <Text>{t("action.confirmBody", {
          product: service.productName, domain: service.domain ? `(${service.domain})` : "",
          status: statusName(intl, service.status),
        })}</Text>
      </Confirm>
    </Box>
  );
}
