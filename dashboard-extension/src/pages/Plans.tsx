import { Box, Button, Text } from "@saleor/macaw-ui";
import { useMemo, useState } from "react";
import { useIntl } from "react-intl";
import { useClient } from "urql";
import { refusalsOf, usePageQuery } from "../client";
import { Confirm, Empty, ErrorList, Failure, Loading, Money, type Refusal } from "../components/common";
import { PlanEditor } from "../components/plans/PlanEditor";
import { EMPTY_PLAN, type PlanFormValues, planToForm } from "../components/plans/planForm";
import type { PlanFieldsFragment } from "../gql/graphql";
import { PlanDeleteMutation, PlansQuery } from "../queries";

function PlanRow({ plan, onEdit, onDelete }: { plan: PlanFieldsFragment; onEdit: () => void; onDelete: () => void }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const inUse = plan.servicesCount > 0;
  return (
    <Box data-plan={plan.name} display="flex" gap={4} alignItems="center" flexWrap="wrap" padding={3}
         borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={4}>
      <Box display="flex" flexDirection="column" __minWidth="200px" __flexGrow="1">
        <Text fontWeight="bold">{plan.name}</Text>
        <Text size={2} color="default2" data-testid="plan-variant">
          {plan.variantId ? [plan.productName, plan.variantName].filter(Boolean).join(" · ")
            : t("plans.productWide", { product: plan.productName })} · {t(`cycle.${plan.billingCycle}`)}
        </Text>
      </Box>
      <Text size={2} data-testid="plan-prices">
        {plan.prices.length
          ? plan.prices.map((entry) => <span key={entry.channelSlug}><Money value={entry.price} /> ({entry.channelSlug}) </span>)
          : t("plans.noPrice")}
      </Text>
      <Text size={2}>{t("plans.noticeDays", { count: plan.noticePeriodDays })}</Text>
      <Text size={2}>{t(`cancellationMode.${plan.cancellationMode}`)}</Text>
      <Text size={2}>{t("widget.count", { count: plan.servicesCount })}</Text>
      <Box display="flex" gap={2} __marginLeft="auto">
        <Button size="small" variant="secondary" data-edit={plan.name} onClick={onEdit}>{t("plans.editButton")}</Button>
        <Button size="small" variant={inUse ? "secondary" : "error"} disabled={inUse} data-delete={plan.name}
                title={inUse ? t("refusal.PLAN_IN_USE") : undefined} onClick={onDelete}>
          {t("plans.delete")}
        </Button>
      </Box>
    </Box>
  );
}

export function Plans() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const client = useClient();
  const { data, error, refetch } = usePageQuery(PlansQuery, {});
  const plans = useMemo(
    () => data ? (data.servicePlans?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : [])) : null, [data]);
  // The editor, when open: a new plan (id null) or the plan being edited.
  const [editor, setEditor] = useState<{ id: string | null; initial: PlanFormValues } | null>(null);
  const editing = editor?.id ?? null;
  const [deleting, setDeleting] = useState<PlanFieldsFragment | null>(null);
  const [refusals, setRefusals] = useState<Refusal[]>([]);

  const remove = async () => {
    if (!deleting) return;
    const outcome = await client.mutation(PlanDeleteMutation, { id: deleting.id }).toPromise();
    setRefusals(refusalsOf(intl, outcome));
    setDeleting(null);
    refetch();
  };
  const otherPlans = (plans ?? []).filter((plan) => plan.id !== editing).map(({ id, name }) => ({ id, name }));

  if (editor) {
    return (
      <PlanEditor editing={editing} initial={editor.initial} otherPlans={otherPlans}
                  onSaved={() => { setEditor(null); refetch(); }} onDiscard={() => setEditor(null)} />
    );
  }
  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <Box display="flex" gap={3} alignItems="center" justifyContent="space-between" flexWrap="wrap">
        <Text size={6} fontWeight="bold">{t("nav.plans")}</Text>
        <Button variant="primary" data-testid="new-plan" onClick={() => { setRefusals([]); setEditor({ id: null, initial: EMPTY_PLAN }); }}>
          {t("plans.new")}
        </Button>
      </Box>
      <ErrorList errors={refusals} />
      {error ? <Failure error={error} retry={refetch} /> : !plans ? <Loading /> : !plans.length ? (
        <Empty title={t("plans.empty")}>{t("plans.emptyHint")}</Empty>
      ) : (
        <Box display="flex" flexDirection="column" gap={2} data-testid="plans">
          {plans.map((plan) => (
            <PlanRow key={plan.id} plan={plan}
                     onEdit={() => { setRefusals([]); setEditor({ id: plan.id, initial: planToForm(plan) }); }}
                     onDelete={() => { setRefusals([]); setDeleting(plan); }} />
          ))}
        </Box>
      )}
      <Confirm open={deleting !== null} title={t("plans.deleteConfirm", { name: deleting?.name ?? "" })}
               confirmLabel={t("plans.delete")} destructive onConfirm={remove} onClose={() => setDeleting(null)}>
        <Text>{t("plans.deleteBody")}</Text>
      </Confirm>
    </Box>
  );
}
