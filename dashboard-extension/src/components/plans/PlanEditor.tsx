import { Box, Button, Checkbox, Select, Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";
import { Controller, type FieldPath, useFieldArray, useForm } from "react-hook-form";
import { useIntl } from "react-intl";
import { useClient } from "urql";
import { useApp } from "../../App";
import { notify } from "../../bridge";
import { refusalsOf } from "../../client";
import { PlanCreateMutation, PlanUpdateMutation } from "../../queries";
import { ErrorList, type Refusal, refusalSentence } from "../common";
import { FormInput } from "../FormInput";
import { AUTOMATION_DAY_KEYS, CYCLES, type DayKey, EMPTY_PLAN, LIST_KEYS, type PlanFormValues, formToInput, parseDays } from "./planForm";
import { VariantPicker } from "./VariantPicker";

/** The API's field names (camelCase) for the form's own. */
const API_FIELDS: Record<string, FieldPath<PlanFormValues>> = {
  name: "name", variantId: "variantId", productId: "variantId", noticePeriodDays: "noticePeriodDays",
  prices: "prices", defaultPrice: "defaultAmount",
};

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box display="flex" flexDirection="column" gap={2}>
      <Text size={3} fontWeight="bold">{title}</Text>
      {children}
    </Box>
  );
}

/** Create or edit a plan: its variant from the catalogue, cycle, prices, cancellation,
 * portal permissions, change targets and automation overrides. */
export function PlanEditor({ editing, initial, otherPlans, onSaved, onDiscard }: {
  editing: string | null;
  initial: PlanFormValues;
  otherPlans: { id: string; name: string }[];
  onSaved: () => void;
  onDiscard: () => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const client = useClient();
  const { bridge } = useApp();
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const form = useForm<PlanFormValues>({ defaultValues: initial });
  const { register, control, handleSubmit, reset, setError, watch, setValue, formState: { errors, isSubmitting } } = form;
  const prices = useFieldArray({ control, name: "prices" });
  useEffect(() => { reset(initial); setRefusals([]); }, [initial, reset]);

  const save = handleSubmit(async (values) => {
    const input = formToInput(values);
    const outcome = editing
      ? await client.mutation(PlanUpdateMutation, { id: editing, input }).toPromise()
      : await client.mutation(PlanCreateMutation, { input }).toPromise();
    const found = refusalsOf(intl, outcome);
    const general: Refusal[] = [];
    for (const refusal of found) {
      const field = refusal.field ? API_FIELDS[refusal.field] : undefined;
      if (field) setError(field as never, { type: "server", message: refusalSentence(intl, refusal) });
      else general.push(refusal);
    }
    setRefusals(general);
    if (!found.length) {
      notify(bridge, "success", t(editing ? "plans.saved" : "plans.created"));
      reset(EMPTY_PLAN);
      onSaved();
    }
  });

  const required = { required: t("form.required") };
  const days = {
    required: t("form.required"),
    validate: (value: string) => (/^\d+$/.test(value.trim()) && Number(value) <= 3650) || t("form.days"),
  };
  const amount = (optional: boolean) => ({
    ...(optional ? {} : required),
    validate: (value: string) => (optional && !value) || (Number(value) > 0 && /^\d+(\.\d+)?$/.test(value.trim())) || t("form.amount"),
  });
  const currency = (optional: () => boolean) => ({
    validate: (value: string) => (optional() && !value) || /^[A-Za-z]{3}$/.test(value.trim()) || t("form.currency"),
  });
  const option = (prefix: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const errorText = (message?: string) => message && <Text size={1} color="critical1" role="alert">{message}</Text>;

  return (
    <Box as="form" display="flex" flexDirection="column" gap={5} padding={4} borderStyle="solid" borderWidth={1}
         borderColor="default1" borderRadius={4} data-testid="plan-form" noValidate onSubmit={(event) => { event.preventDefault(); save(); }}>
      <Text size={5} fontWeight="bold">{t(editing ? "plans.edit" : "plans.new")}</Text>
      <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(220px, 1fr))" gap={3}>
        <FormInput control={control} name="name" rules={required} label={t("plans.name")} data-testid="plan-name" />
        <Box display="flex" flexDirection="column" gap={1} __gridColumn="span 2">
          <VariantPicker
            chosen={watch("variantLabel") ? { label: watch("variantLabel"), scope: watch("variantId") ? "variant" : "product" } : null}
            editingPlan={editing}
            onChoose={({ scope, variant }) => {
              if (scope === "product") {
                // Every variant of the product: the plan names no variant.
                setValue("variantId", "", { shouldValidate: false });
                setValue("productId", variant.productId);
                setValue("variantLabel", variant.productName);
                form.trigger("variantId");
                if (!form.getValues("name")) setValue("name", variant.productName, { shouldValidate: true });
                return;
              }
              setValue("variantId", variant.id, { shouldValidate: true });
              setValue("productId", variant.productId);
              setValue("variantLabel", [variant.productName, variant.name].filter(Boolean).join(" · "));
              if (!form.getValues("name")) setValue("name", `${variant.productName} ${variant.name}`.trim(), { shouldValidate: true });
              if (!prices.fields.length) prices.replace(variant.prices.map((entry) => ({
                channelSlug: entry.channelSlug, amount: String(entry.price.amount), currency: entry.price.currency,
              })));
            }} />
          <input type="hidden" {...register("variantId", {
            validate: (value) => Boolean(value || form.getValues("productId")) || t("plans.variantRequired"),
          })} />
          {errorText(errors.variantId?.message)}
        </Box>
      </Box>
      <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(170px, 1fr))" gap={3}>
        <Controller control={control} name="billingCycle" render={({ field }) => (
          <Select label={t("plans.cycle")} options={option("cycle", CYCLES)} value={field.value}
                  onChange={(value) => field.onChange(value)} data-testid="plan-cycle" />
        )} />
        <Controller control={control} name="cancellationMode" render={({ field }) => (
          <Select label={t("plans.cancellation")} options={option("cancellationMode", ["REQUEST", "IMMEDIATE"])}
                  value={field.value} onChange={(value) => field.onChange(value)} />
        )} />
        <FormInput control={control} name="noticePeriodDays" rules={days} label={t("plans.notice")} type="number"
                   min={0} data-testid="plan-notice" />
        <Controller control={control} name="activationMode" render={({ field }) => (
          <Select label={t("plans.activation")} options={option("activationMode", ["AUTOMATIC", "MANUAL"])}
                  value={field.value} onChange={(value) => field.onChange(value)} />
        )} />
      </Box>
      <Panel title={t("plans.portal")}>
        <Box display="flex" gap={4} flexWrap="wrap">
          {(["allowPause", "allowCancel", "allowReactivation"] as const).map((name) => (
            <Controller key={name} control={control} name={name} render={({ field }) => (
              <Checkbox checked={field.value} onCheckedChange={(value) => field.onChange(value === true)} data-toggle={name}>
                <Text size={2}>{t(`plans.${name}`)}</Text>
              </Checkbox>
            )} />
          ))}
        </Box>
      </Panel>
      <Panel title={t("plans.prices")}>
        <Text size={2} color="default2">{t("plans.pricesHint")}</Text>
        {prices.fields.map((field, index) => (
          <Box key={field.id} display="grid" __gridTemplateColumns="2fr 1fr 1fr auto" gap={2} alignItems="start" data-price-row={index}>
            <FormInput control={control} name={`prices.${index}.channelSlug`} rules={required} label={t("plans.channel")} />
            <FormInput control={control} name={`prices.${index}.amount`} rules={amount(false)} label={t("plans.amount")} />
            <FormInput control={control} name={`prices.${index}.currency`} rules={currency(() => false)}
                       label={t("plans.currency")} />
            <Button type="button" variant="tertiary" onClick={() => prices.remove(index)}>{t("plans.removePrice")}</Button>
          </Box>
        ))}
        {errorText(errors.prices?.root?.message ?? errors.prices?.message)}
        <Box display="flex" gap={2} flexWrap="wrap" alignItems="start">
          <Button type="button" variant="secondary" size="small" data-testid="add-price"
                  onClick={() => prices.append({ channelSlug: "", amount: "", currency: "" })}>
            {t("plans.addPrice")}
          </Button>
        </Box>
        <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(170px, 1fr))" gap={2}>
          <FormInput control={control} name="defaultAmount" rules={amount(true)} label={t("plans.defaultAmount")} />
          <FormInput control={control} name="defaultCurrency" rules={currency(() => !form.getValues("defaultAmount"))}
                     label={t("plans.defaultCurrency")} />
        </Box>
      </Panel>
      <Panel title={t("plans.changeTargets")}>
        {otherPlans.length ? (
          <Controller control={control} name="changeTargets" render={({ field }) => (
            <Box display="flex" gap={4} flexWrap="wrap" data-testid="change-targets">
              {otherPlans.map((plan) => (
                <Checkbox key={plan.id} checked={field.value.includes(plan.id)} data-target={plan.name}
                          onCheckedChange={(checked) => field.onChange(checked === true
                            ? [...field.value, plan.id] : field.value.filter((id) => id !== plan.id))}>
                  <Text size={2}>{plan.name}</Text>
                </Checkbox>
              ))}
            </Box>
          )} />
        ) : <Text size={2} color="default2">{t("plans.noOtherPlans")}</Text>}
      </Panel>
      <Panel title={t("plans.overrides")}>
        <Text size={2} color="default2">{t("plans.overridesHint")}</Text>
        <Box display="grid" __gridTemplateColumns="repeat(auto-fill, minmax(300px, 1fr))" gap={3}>
          {AUTOMATION_DAY_KEYS.map((key) => <OverrideField key={key} dayKey={key} form={form} />)}
        </Box>
      </Panel>
      <ErrorList errors={refusals} />
      <Box display="flex" gap={2} justifyContent="flex-end">
        <Button type="button" variant="secondary" onClick={() => { reset(EMPTY_PLAN); onDiscard(); }}>{t("plans.discard")}</Button>
        <Button type="submit" variant="primary" disabled={isSubmitting} data-testid="save-plan">
          {t(editing ? "plans.save" : "plans.create")}
        </Button>
      </Box>
    </Box>
  );
}

function OverrideField({ dayKey, form }: { dayKey: DayKey; form: ReturnType<typeof useForm<PlanFormValues>> }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { control, watch } = form;
  const mode = watch(`overrides.${dayKey}.mode`);
  return (
    <Box display="flex" flexDirection="column" gap={1} data-override={dayKey}>
      <Text size={2} fontWeight="medium">{t(`override.${dayKey}`)}</Text>
      <Box display="grid" __gridTemplateColumns="1fr 1fr" gap={2}>
        <Controller control={control} name={`overrides.${dayKey}.mode`} render={({ field }) => (
          <Select label={t("override.mode")} value={field.value} onChange={(value) => field.onChange(value)}
                  options={(["default", "never", "days"] as const).map((value) => ({ value, label: t(`override.${value}`) }))} />
        )} />
        <FormInput control={control} name={`overrides.${dayKey}.days`} disabled={mode !== "days"}
                   label={t(LIST_KEYS.has(dayKey) ? "override.dayList" : "override.days")}
                   rules={{
                     validate: (value) => mode !== "days" || (parseDays(String(value)) !== null &&
                       (LIST_KEYS.has(dayKey) || parseDays(String(value))!.length === 1)) || t("form.days"),
                   }} />
      </Box>
    </Box>
  );
}
