import type { PlanFieldsFragment, ServicePlanCreateInput } from "../../gql/graphql";

/** The automation day offsets a plan may override (saleor_services/conf.py AUTOMATION_DAY_KEYS). */
export const AUTOMATION_DAY_KEYS = [
  "RENEWAL_DAYS_BEFORE",
  "REMINDER_DAYS_BEFORE",
  "GRACE_DAYS",
  "SUSPENSION_WARNING_DAYS_BEFORE",
  "TERMINATE_SUSPENDED_AFTER_DAYS",
  "TERMINATE_CANCELLED_AFTER_DAYS",
  "TERMINATION_WARNING_DAYS_BEFORE",
] as const;
export type DayKey = (typeof AUTOMATION_DAY_KEYS)[number];
/** A list of days (reminders), where the others are one number. */
export const LIST_KEYS: ReadonlySet<DayKey> = new Set(["REMINDER_DAYS_BEFORE"]);

export const CYCLES = ["MONTHLY", "QUARTERLY", "SEMIANNUALLY", "ANNUALLY", "BIENNIALLY", "TRIENNIALLY", "ONE_TIME"] as const;

/** One override as the form holds it: the store's default, never, or days. */
export interface Override { mode: "default" | "never" | "days"; days: string }

export interface PlanFormValues {
  name: string;
  variantId: string;
  productId: string;
  /** What the catalogue search showed for the chosen variant, or the product when the
   * plan sells all its variants (display only). */
  variantLabel: string;
  billingCycle: (typeof CYCLES)[number];
  cancellationMode: "REQUEST" | "IMMEDIATE";
  noticePeriodDays: string;
  activationMode: "AUTOMATIC" | "MANUAL";
  allowPause: boolean;
  allowCancel: boolean;
  allowReactivation: boolean;
  prices: { channelSlug: string; amount: string; currency: string }[];
  defaultAmount: string;
  defaultCurrency: string;
  changeTargets: string[];
  overrides: Record<DayKey, Override>;
}

const noOverrides = () =>
  Object.fromEntries(AUTOMATION_DAY_KEYS.map((key) => [key, { mode: "default", days: "" }])) as Record<DayKey, Override>;

export const EMPTY_PLAN: PlanFormValues = {
  name: "", variantId: "", productId: "", variantLabel: "", billingCycle: "MONTHLY", cancellationMode: "REQUEST",
  noticePeriodDays: "0", activationMode: "AUTOMATIC", allowPause: true, allowCancel: true, allowReactivation: false,
  prices: [], defaultAmount: "", defaultCurrency: "", changeTargets: [], overrides: noOverrides(),
};

type Plan = PlanFieldsFragment;

/** The form's values for an existing plan. */
export function planToForm(plan: Plan): PlanFormValues {
  const overrides = noOverrides();
  const stored = (plan.automationOverrides ?? {}) as Record<string, unknown>;
  for (const key of AUTOMATION_DAY_KEYS) {
    if (!(key in stored)) continue;
    const value = stored[key];
    if (value === null || (Array.isArray(value) && !value.length)) overrides[key] = { mode: "never", days: "" };
    else overrides[key] = { mode: "days", days: Array.isArray(value) ? value.join(", ") : String(value) };
  }
  return {
    name: plan.name, variantId: plan.variantId ?? "", productId: plan.productId ?? "",
    // A product-wide plan (no variant) shows its product; the editor says "every variant of".
    variantLabel: plan.variantId
      ? [plan.productName, plan.variantName].filter(Boolean).join(" · ") || plan.variantId
      : plan.productName || (plan.productId ?? ""),
    billingCycle: plan.billingCycle as PlanFormValues["billingCycle"],
    cancellationMode: plan.cancellationMode as PlanFormValues["cancellationMode"],
    noticePeriodDays: String(plan.noticePeriodDays),
    activationMode: plan.activationMode as PlanFormValues["activationMode"],
    allowPause: plan.allowPause, allowCancel: plan.allowCancel, allowReactivation: plan.allowReactivation,
    prices: plan.prices.map((entry) => ({
      channelSlug: entry.channelSlug, amount: String(entry.price.amount), currency: entry.price.currency,
    })),
    defaultAmount: "", defaultCurrency: "",
    changeTargets: plan.changeTargets.map((target) => target.id),
    overrides,
  };
}

/** Days as the API takes them: whole numbers from 0 to 3650. */
export function parseDays(text: string): number[] | null {
  const parts = text.split(",").map((part) => part.trim()).filter(Boolean);
  if (!parts.length) return null;
  const days = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : NaN));
  return days.every((day) => day >= 0 && day <= 3650) ? days : null;
}

/** The API's input from the form (the same shape for create and update). */
export function formToInput(values: PlanFormValues): ServicePlanCreateInput {
  const automationOverrides: Record<string, number | number[] | null> = {};
  for (const key of AUTOMATION_DAY_KEYS) {
    const { mode, days } = values.overrides[key];
    if (mode === "never") automationOverrides[key] = LIST_KEYS.has(key) ? [] : null;
    if (mode === "days") {
      const parsed = parseDays(days) ?? [];
      automationOverrides[key] = LIST_KEYS.has(key) ? parsed : parsed[0];
    }
  }
  return {
    name: values.name.trim(),
    // A plan sells one variant, or every variant of a product.
    variantId: values.variantId || null,
    productId: values.variantId ? null : values.productId || null,
    billingCycle: values.billingCycle,
    cancellationMode: values.cancellationMode,
    noticePeriodDays: Number(values.noticePeriodDays) || 0,
    activationMode: values.activationMode,
    allowPause: values.allowPause,
    allowCancel: values.allowCancel,
    allowReactivation: values.allowReactivation,
    prices: values.prices.map((entry) => ({
      channelSlug: entry.channelSlug.trim(), amount: Number(entry.amount), currency: entry.currency.trim().toUpperCase(),
    })),
    ...(values.defaultAmount
      ? { defaultPrice: { amount: Number(values.defaultAmount), currency: values.defaultCurrency.trim().toUpperCase() } }
      : {}),
    changeTargets: values.changeTargets,
    automationOverrides,
  };
}
