import { Box, Button, Select, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useClient } from "urql";
import { useApp } from "../../App";
import { notify } from "../../bridge";
import { refusalsOf, usePageQuery } from "../../client";
import { ChangePlanMutation, ChangePlanPreviewQuery } from "../../queries";
import { Confirm, ErrorList, Failure, Loading, Money, type Refusal } from "../common";

/** Move a service to one of its plan's change targets: the quote first, then the change. */
export function PlanChange({ serviceId, targets, pendingPlan, upgradeOpen, onChanged }: {
  serviceId: string; targets: { id: string; name: string }[];
  /** A downgrade waiting for the next renewal, and an upgrade waiting for its payment. */
  pendingPlan?: { name: string } | null; upgradeOpen?: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const client = useClient();
  const { bridge } = useApp();
  const [target, setTarget] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const preview = usePageQuery(ChangePlanPreviewQuery, { id: serviceId, planId: target }, !target);
  const quote = preview.data?.serviceChangePlanPreview;

  // One change at a time: the API refuses another while one is under way.
  if (pendingPlan) return <Text size={2} data-testid="change-under-way">{t("change.pending", { plan: pendingPlan.name })}</Text>;
  if (upgradeOpen) return <Text size={2} data-testid="change-under-way">{t("change.upgradeOpen")}</Text>;
  if (!targets.length) return <Text size={2} color="default2">{t("change.none")}</Text>;

  const change = async () => {
    setBusy(true);
    const outcome = await client.mutation(ChangePlanMutation, { id: serviceId, planId: target }).toPromise();
    const found = refusalsOf(intl, outcome);
    setRefusals(found);
    setBusy(false);
    setConfirming(false);
    if (!found.length) {
      notify(bridge, "success", t("change.done", { plan: quote?.targetPlan.name ?? "" }));
      setTarget("");
      onChanged();
    }
  };

  return (
    <Box display="flex" flexDirection="column" gap={3} data-testid="plan-change">
      <Box __maxWidth="360px">
        <Select label={t("change.target")} value={target} data-testid="change-target"
                options={[{ value: "", label: t("change.choose") }, ...targets.map(({ id, name }) => ({ value: id, label: name }))]}
                onChange={(value) => { setRefusals([]); setTarget(value as string); }} />
      </Box>
      {target && (preview.error ? <Failure error={preview.error} retry={preview.refetch} />
        : !quote || preview.fetching ? <Loading /> : (
          <Box display="flex" flexDirection="column" gap={1} padding={3} borderRadius={4} backgroundColor="default2"
               data-testid="quote" data-upgrade={quote.isUpgrade}>
            {/* The heading follows the price; when it is paid (now or at renewal) follows the API. */}
            <Text size={3} fontWeight="bold">{t(quote.newAmount.amount > quote.currentAmount.amount ? "change.upgrade"
              : quote.newAmount.amount < quote.currentAmount.amount ? "change.downgrade" : "change.samePrice")}</Text>
            <Text size={2}>
              <FormattedMessage id="change.amounts" values={{
                from: <Money value={quote.currentAmount} />, to: <Money value={quote.newAmount} />,
              }} />
            </Text>
            <Text size={2}>{t("change.daysLeft", { days: quote.daysLeft, total: quote.daysInPeriod, end: quote.periodEnd })}</Text>
            <Text size={2} fontWeight="medium" data-testid="prorated">
              <FormattedMessage id="change.prorated" values={{ amount: <Money value={quote.proratedAmount} /> }} />
            </Text>
            {!quote.isUpgrade && <Text size={2} color="default2">{t("change.atRenewal", { date: quote.periodEnd })}</Text>}
            <Box display="flex" justifyContent="flex-end">
              <Button variant="primary" size="small" data-testid="change-plan" onClick={() => setConfirming(true)}>
                {t("change.confirmButton")}
              </Button>
            </Box>
          </Box>
        ))}
      <ErrorList errors={refusals} />
      <Confirm open={confirming} busy={busy} title={t("change.confirmTitle", { plan: quote?.targetPlan.name ?? "" })}
               confirmLabel={t("change.confirmButton")} onConfirm={change} onClose={() => setConfirming(false)}>
        <Text>{quote && t(quote.isUpgrade ? "change.confirmUpgrade" : "change.confirmDowngrade")}</Text>
      </Confirm>
    </Box>
  );
}
