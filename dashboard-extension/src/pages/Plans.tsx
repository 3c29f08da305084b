import { Box, Button, Checkbox, Input, Select, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useState } from "react";
import type { ServiceError } from "../api";
import { useApp } from "../App";
import { notify } from "../bridge";
import { Empty, ErrorList, Failure, Loading, Money, label } from "../components/common";
import { PLAN_CREATE, PLAN_DELETE, PLAN_UPDATE, PLANS } from "../queries";

interface Plan {
  id: string; name: string; variantId: string | null; productId: string | null; billingCycle: string;
  allowPause: boolean; allowCancel: boolean; cancellationMode: string; noticePeriodDays: number;
  activationMode: string; servicesCount: number;
  prices?: { channelSlug: string; price: { amount: number; currency: string } }[];
}

const CYCLES = ["MONTHLY", "QUARTERLY", "SEMIANNUALLY", "ANNUALLY", "BIENNIALLY", "TRIENNIALLY", "ONE_TIME"];
const EMPTY = { name: "", variantId: "", billingCycle: "MONTHLY", allowPause: true, allowCancel: true,
  cancellationMode: "REQUEST", noticePeriodDays: "0", activationMode: "AUTOMATIC" };

export function Plans() {
  const { graphql, bridge } = useApp();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<typeof EMPTY>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<ServiceError[]>([]);

  const load = useCallback(async () => {
    setError(null);
    try {
      const data = await graphql<{ servicePlans: { edges: { node: Plan }[] } }>(PLANS);
      setPlans(data.servicePlans.edges.map(({ node }) => node));
    } catch (failure) {
      setError(String((failure as Error).message));
    }
  }, [graphql]);
  useEffect(() => { load(); }, [load]);

  const save = async () => {
    const input = { ...form, noticePeriodDays: Number(form.noticePeriodDays) || 0, variantId: form.variantId || null };
    const data = await graphql<{ result: { errors: ServiceError[] } }>(
      editing ? PLAN_UPDATE : PLAN_CREATE, editing ? { id: editing, input } : { input });
    setErrors(data.result.errors);
    if (!data.result.errors.length) {
      notify(bridge, "success", editing ? "Plan saved" : "Plan created");
      setForm(EMPTY);
      setEditing(null);
      await load();
    }
  };
  const remove = async (plan: Plan) => {
    const data = await graphql<{ result: { errors: ServiceError[] } }>(PLAN_DELETE, { id: plan.id });
    setErrors(data.result.errors);
    if (!data.result.errors.length) await load();
  };
  const set = (key: keyof typeof EMPTY, value: unknown) => setForm({ ...form, [key]: value });

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <Box display="flex" flexDirection="column" gap={2} padding={4} borderStyle="solid" borderWidth={1}
           borderColor="default1" borderRadius={4} data-testid="plan-form">
        <Text size={5} fontWeight="bold">{editing ? "Edit plan" : "New plan"}</Text>
        <Box display="grid" __gridTemplateColumns="2fr 2fr 1fr 1fr 1fr 1fr" gap={2}>
          <Input label="Name" value={form.name} onChange={(event) => set("name", event.target.value)} />
          <Input label="Saleor product variant ID" value={form.variantId} onChange={(event) => set("variantId", event.target.value)} />
          <Select label="Billing cycle" options={CYCLES.map((value) => ({ value, label: label(value) }))}
                  value={form.billingCycle} onChange={(value) => set("billingCycle", value)} />
          <Select label="Cancellation" options={[{ value: "REQUEST", label: "Staff review" }, { value: "IMMEDIATE", label: "Immediate" }]}
                  value={form.cancellationMode} onChange={(value) => set("cancellationMode", value)} />
          <Input label="Notice (days)" type="number" value={form.noticePeriodDays} onChange={(event) => set("noticePeriodDays", event.target.value)} />
          <Select label="Activation" options={[{ value: "AUTOMATIC", label: "Automatic" }, { value: "MANUAL", label: "Manual" }]}
                  value={form.activationMode} onChange={(value) => set("activationMode", value)} />
        </Box>
        <Box display="flex" gap={4} alignItems="center">
          <Checkbox checked={form.allowPause} onCheckedChange={(value) => set("allowPause", value === true)}>
            <Text size={2}>Customers may pause</Text>
          </Checkbox>
          <Checkbox checked={form.allowCancel} onCheckedChange={(value) => set("allowCancel", value === true)}>
            <Text size={2}>Customers may cancel</Text>
          </Checkbox>
          <Button variant="primary" onClick={save} data-testid="save-plan">{editing ? "Save" : "Create plan"}</Button>
          {editing && <Button variant="secondary" onClick={() => { setEditing(null); setForm(EMPTY); }}>Discard</Button>}
        </Box>
        <ErrorList errors={errors} />
      </Box>
      {error ? <Failure error={error} retry={load} /> : !plans ? <Loading what="plans" /> : !plans.length ? (
        <Empty title="No service plans yet">Create one to sell a variant as a service.</Empty>
      ) : (
        <Box display="flex" flexDirection="column" gap={2} data-testid="plans">
          {plans.map((plan) => (
            <Box key={plan.id} data-plan={plan.name} display="flex" gap={4} alignItems="center" padding={3}
                 borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={4}>
              <Text fontWeight="bold" __minWidth="220px">{plan.name}</Text>
              <Text size={2}>{label(plan.billingCycle)}</Text>
              <Text size={2} data-testid="plan-prices">
                {plan.prices?.length
                  ? plan.prices.map((entry) => <span key={entry.channelSlug}><Money value={entry.price} /> ({entry.channelSlug}) </span>)
                  : "No price set"}
              </Text>
              <Text size={2}>{plan.noticePeriodDays} days' notice</Text>
              <Text size={2}>{plan.cancellationMode === "REQUEST" ? "Staff review" : "Immediate"}</Text>
              <Text size={2}>{plan.servicesCount} services</Text>
              <Box __marginLeft="auto" display="flex" gap={2}>
                <Button size="small" variant="secondary" onClick={() => {
                  setEditing(plan.id);
                  setForm({ name: plan.name, variantId: plan.variantId ?? "", billingCycle: plan.billingCycle,
                    allowPause: plan.allowPause, allowCancel: plan.allowCancel, cancellationMode: plan.cancellationMode,
                    noticePeriodDays: String(plan.noticePeriodDays), activationMode: plan.activationMode });
                }}>Edit</Button>
                <Button size="small" variant={plan.servicesCount > 0 ? "secondary" : "error"} disabled={plan.servicesCount > 0}
                        data-delete={plan.name} onClick={() => remove(plan)}>Delete</Button>
              </Box>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
