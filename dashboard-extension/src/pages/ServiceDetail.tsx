import { actions } from "@saleor/app-sdk/app-bridge";
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useState } from "react";
import { useIntl } from "react-intl";
import { fieldErrorsOf, type ServiceError } from "../api";
import { useApp } from "../App";
import { notify } from "../bridge";
import { Confirm, ErrorList, Failure, Loading, Money, StatusBadge, label, statusName } from "../components/common";
import { ACTIONS, SERVICE_DETAIL, TASKS, actionMutation } from "../queries";

interface Detail {
  id: string; productName: string; variantName: string; domain: string; status: string; billingCycle: string;
  nextDueDate: string | null; userEmail: string; customerName: string; serverHostname: string; username: string;
  packageName: string; password: string | null; provisioningState: string; provisioningError: string;
  recurringAmount: { amount: number; currency: string }; plan: { name: string }; options: Record<string, unknown>;
  orderId?: string;
  createdAt: string; activatedAt: string | null; suspensionReason: string; availableActions: string[];
  cancellationRequest: { id: string; type: string; status: string; reason: string; effectiveDate: string } | null;
  renewals: { id: string; kind: string; periodStart: string; periodEnd: string; dueDate: string; status: string;
    amount: { amount: number; currency: string } }[];
  events: { id: string; date: string; type: string; actorType: string; actorEmail: string | null;
    oldStatus: string | null; newStatus: string | null; reason: string | null; note: string | null }[];
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box display="flex" flexDirection="column" gap={2} padding={4} borderStyle="solid" borderWidth={1}
         borderColor="default1" borderRadius={4}>
      <Text size={5} fontWeight="bold">{title}</Text>
      {children}
    </Box>
  );
}

function Field({ name, value }: { name: string; value: React.ReactNode }) {
  return (
    <Box display="flex" gap={2}>
      <Text size={2} color="default2" __minWidth="140px">{name}</Text>
      <Text size={2}>{value || "—"}</Text>
    </Box>
  );
}

export function ServiceDetail({ id }: { id: string }) {
  const { graphql, navigate, bridge } = useApp();
  const intl = useIntl();
  const actionLabel = (key: string) => intl.formatMessage({ id: `action.${key}` });
  const [service, setService] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [task, setTask] = useState<{ name: keyof typeof TASKS; id: string } | null>(null);
  const [errors, setErrors] = useState<ServiceError[]>([]);
  const [revealed, setRevealed] = useState(false);
  const [passwordUnavailable, setPasswordUnavailable] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      const data = await graphql<{ service: Detail | null }>(SERVICE_DETAIL, { id });
      if (!data.service) setError(intl.formatMessage({ id: "detail.missing" }));
      setPasswordUnavailable(fieldErrorsOf(data).some((fieldError) => fieldError.path?.join(".") === "service.password"));
      setService(data.service);
    } catch (failure) {
      setError(String((failure as Error).message));
    }
  }, [graphql, id, intl]);
  useEffect(() => { load(); }, [load]);

  const [refusedIn, setRefusedIn] = useState<string | undefined>(undefined);
  const run = async (key: string) => {
    const action = ACTIONS[key];
    setPending(null);
    let result: { errors: ServiceError[]; service: { status: string } | null };
    try {
      ({ result } = await graphql<{ result: typeof result }>(actionMutation(action.mutation), { id }));
    } catch (failure) {
      setErrors([{ field: null, code: "GRAPHQL_ERROR", message: String((failure as Error).message) }]);
      return;
    }
    if (!result.errors.length) {
      setErrors([]);
      notify(bridge, "success", intl.formatMessage({ id: "action.done" }, { action: actionLabel(key) }));
      await load();
      return;
    }
    // A refusal means the page was out of date (someone else acted): show what is true now,
    // and the refusal with the status it was about, together.
    const fresh = await graphql<{ service: Detail | null }>(SERVICE_DETAIL, { id }).catch(() => null);
    setRefusedIn(fresh?.service?.status);
    if (fresh?.service) setService(fresh.service);
    setErrors(result.errors);
  };

  const perform = async ({ name, id: target }: { name: keyof typeof TASKS; id: string }) => {
    setTask(null);
    const label = intl.formatMessage({ id: `task.${name}` });
    try {
      const { result } = await graphql<{ result: { errors: ServiceError[] } }>(TASKS[name], { id: target });
      setErrors(result.errors);
      if (!result.errors.length) notify(bridge, "success", intl.formatMessage({ id: "action.done" }, { action: label }));
    } catch (failure) {
      setErrors([{ field: null, code: "GRAPHQL_ERROR", message: String((failure as Error).message) }]);
    }
    await load();
  };
  // Saleor's pages, opened by the Dashboard (the app's frame never leaves the app).
  const openInDashboard = (to: string) =>
    bridge.dispatch(actions.Redirect({ to, newContext: false })).catch(() => undefined);

  if (error) return <Failure error={error} retry={load} />;
  if (!service) return <Loading text={intl.formatMessage({ id: "state.loading" })} />;
  const offered = service.availableActions.filter((key) => key in ACTIONS);
  return (
    <Box display="flex" flexDirection="column" gap={4} data-testid="service-detail">
      <Box display="flex" gap={3} alignItems="center">
        <Button variant="tertiary" onClick={() => navigate("/services")}>{intl.formatMessage({ id: "detail.back" })}</Button>
        <Text size={7} fontWeight="bold">{service.productName}</Text>
        <StatusBadge status={service.status} />
      </Box>
      <Box display="flex" gap={2} flexWrap="wrap" data-testid="actions">
        {offered.map((key) => (
          <Button key={key} size="small" variant={ACTIONS[key].destructive ? "error" : "secondary"}
                  data-action={key} onClick={() => { setErrors([]); setPending(key); }}>
            {actionLabel(key)}
          </Button>
        ))}
        {!offered.length && <Text size={2} color="default2">{intl.formatMessage({ id: "detail.noActions" })}</Text>}
      </Box>
      <Box display="flex" gap={2} flexWrap="wrap" data-testid="links">
        {service.orderId && (
          <Button size="small" variant="tertiary" data-link="order"
                  onClick={() => openInDashboard(`/orders/${encodeURIComponent(btoa(`Order:${service.orderId}`))}`)}>
            {intl.formatMessage({ id: "link.order" })}
          </Button>
        )}
        <Button size="small" variant="tertiary" data-link="customer"
                onClick={() => openInDashboard(`/customers/?query=${encodeURIComponent(service.userEmail)}`)}>
          {intl.formatMessage({ id: "link.customer" })}
        </Button>
      </Box>
      <ErrorList errors={errors} status={refusedIn} />
      <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(320px, 1fr))" gap={4}>
        <Section title="Product and plan">
          <Field name="Product" value={`${service.productName} ${service.variantName}`} />
          <Field name="Plan" value={service.plan.name} />
          <Field name="Domain" value={service.domain} />
          <Field name="Customer" value={`${service.customerName} <${service.userEmail}>`} />
        </Section>
        <Section title="Billing">
          <Field name="Billing cycle" value={label(service.billingCycle)} />
          <Field name="Amount" value={<Money value={service.recurringAmount} />} />
          <Field name="Next due date" value={service.nextDueDate} />
          <Field name="Created" value={service.createdAt.slice(0, 10)} />
        </Section>
        <Section title="Provisioning">
          <Field name="Server" value={service.serverHostname} />
          <Field name="Username" value={service.username} />
          <Field name="Package" value={service.packageName} />
          <Field name="Password" value={passwordUnavailable
            ? <Text size={2} color="warning1" data-testid="password-unavailable">
                Unavailable: the configured encryption keys cannot decrypt it
              </Text>
            : service.password ? (revealed ? service.password :
              <Button size="small" variant="tertiary" onClick={() => setRevealed(true)}>Reveal</Button>) : "—"} />
          <Field name="State" value={label(service.provisioningState)} />
          {service.provisioningError && <Text color="critical1" size={2}>{service.provisioningError}</Text>}
          {service.provisioningState === "FAILED" && (
            <Box>
              <Button size="small" variant="secondary" data-task="retryProvisioning"
                      onClick={() => { setErrors([]); setTask({ name: "retryProvisioning", id }); }}>
                {intl.formatMessage({ id: "task.retryProvisioning" })}
              </Button>
            </Box>
          )}
        </Section>
        <Section title="Options and cancellation">
          {Object.entries(service.options).map(([key, value]) => <Field key={key} name={key} value={String(value)} />)}
          {service.cancellationRequest ? (
            <Text size={2} color="warning1">
              Cancellation {label(service.cancellationRequest.status)} ({label(service.cancellationRequest.type)},
              effective {service.cancellationRequest.effectiveDate}): {service.cancellationRequest.reason}
            </Text>
          ) : <Text size={2} color="default2">No pending cancellation.</Text>}
        </Section>
      </Box>
      <Section title="Renewals">
        {service.renewals.length ? service.renewals.map((renewal) => (
          <Box key={renewal.id} display="flex" gap={4} alignItems="center" flexWrap="wrap">
            <Text size={2}>{renewal.periodStart} – {renewal.periodEnd}</Text>
            <Text size={2}>{label(renewal.kind)}</Text>
            <Text size={2}>due {renewal.dueDate}</Text>
            <Text size={2}><Money value={renewal.amount} /></Text>
            <Text size={2}>{label(renewal.status)}</Text>
            {renewal.status === "OPEN" && (["markPaid", "void"] as const).map((name) => (
              <Button key={name} size="small" variant={name === "void" ? "error" : "secondary"} data-task={name}
                      data-renewal={renewal.id} onClick={() => { setErrors([]); setTask({ name, id: renewal.id }); }}>
                {intl.formatMessage({ id: `task.${name}` })}
              </Button>
            ))}
          </Box>
        )) : <Text size={2} color="default2">No renewal yet.</Text>}
      </Section>
      <Section title="Activity log">
        <Box display="flex" flexDirection="column" gap={1} data-testid="activity-log">
          {service.events.slice().reverse().map((event) => (
            <Box key={event.id} display="flex" gap={3} data-event={event.type}>
              <Text size={2} color="default2" __minWidth="170px">{new Date(event.date).toLocaleString()}</Text>
              <Text size={2} fontWeight="medium">{label(event.type)}</Text>
              <Text size={2}>{event.actorEmail ?? label(event.actorType)}</Text>
              {event.reason && <Text size={2} color="default2">“{event.reason}”</Text>}
              {event.note && <Text size={2} color="default2">“{event.note}”</Text>}
            </Box>
          ))}
        </Box>
      </Section>
      <Confirm open={task !== null} onClose={() => setTask(null)} onConfirm={() => task && perform(task)}
               title={task ? intl.formatMessage({ id: `task.${task.name}.confirm` }) : ""}
               confirmLabel={task ? intl.formatMessage({ id: `task.${task.name}` }) : "OK"}
               destructive={task?.name === "void"}>
        <Text>{service.productName} {service.domain && `(${service.domain})`}</Text>
      </Confirm>
      <Confirm open={pending !== null}
               title={pending ? intl.formatMessage({ id: "action.confirmTitle" }, { action: actionLabel(pending) }) : ""}
               confirmLabel={pending ? actionLabel(pending) : "OK"} onConfirm={() => pending && run(pending)}
               destructive={pending ? ACTIONS[pending].destructive : false}
               onClose={() => setPending(null)}>
        <Text>{intl.formatMessage({ id: "action.confirmBody" }, {
          product: service.productName, domain: service.domain ? `(${service.domain})` : "",
          status: statusName(intl, service.status),
        })}</Text>
      </Confirm>
    </Box>
  );
}
