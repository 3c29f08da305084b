import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { type FieldPath, useForm } from "react-hook-form";
import { useIntl } from "react-intl";
import { useClient } from "urql";
import { useApp } from "../../App";
import { notify } from "../../bridge";
import { refusalsOf } from "../../client";
import type { ServiceUpdateInput } from "../../gql/graphql";
import { ServiceUpdateMutation } from "../../queries";
import { ErrorList, type Refusal, refusalSentence } from "../common";
import { FormInput } from "../FormInput";

export interface EditValues {
  domain: string; nextDueDate: string; recurringAmount: string; options: string;
  serverHostname: string; username: string; password: string; packageName: string;
}

export function editValuesOf(service: {
  domain: string; nextDueDate?: string | null; recurringAmount: { amount: number }; options: unknown;
  serverHostname: string; username: string; packageName: string;
}): EditValues {
  return {
    domain: service.domain, nextDueDate: service.nextDueDate ?? "", recurringAmount: String(service.recurringAmount.amount),
    options: JSON.stringify(service.options ?? {}, null, 2), serverHostname: service.serverHostname,
    username: service.username, password: "", packageName: service.packageName,
  };
}

const API_FIELDS: Record<string, FieldPath<EditValues>> = {
  domain: "domain", nextDueDate: "nextDueDate", recurringAmount: "recurringAmount", options: "options",
  serverHostname: "serverHostname", username: "username", password: "password", packageName: "packageName",
};

/** Only what changed goes to `serviceUpdate`; an empty password keeps the stored one. */
export function updateInput(initial: EditValues, values: EditValues): ServiceUpdateInput {
  const input: ServiceUpdateInput = {};
  if (values.domain !== initial.domain) input.domain = values.domain.trim();
  if (values.nextDueDate !== initial.nextDueDate && values.nextDueDate) input.nextDueDate = values.nextDueDate;
  if (values.recurringAmount !== initial.recurringAmount) input.recurringAmount = Number(values.recurringAmount);
  if (values.options !== initial.options) input.options = JSON.parse(values.options || "{}");
  for (const key of ["serverHostname", "username", "packageName"] as const) {
    if (values[key] !== initial[key]) input[key] = values[key].trim();
  }
  if (values.password) input.password = values.password;
  return input;
}

/** Staff edit a service's domain, due date, amount, options and provisioning details. */
export function ServiceEditForm({ id, initial, onSaved, onCancel }: {
  id: string; initial: EditValues; onSaved: () => void; onCancel: () => void;
}) {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const client = useClient();
  const { bridge } = useApp();
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const { control, register, handleSubmit, setError, formState: { errors, isSubmitting, isDirty } } =
    useForm<EditValues>({ defaultValues: initial });

  const save = handleSubmit(async (values) => {
    const outcome = await client.mutation(ServiceUpdateMutation, { id, input: updateInput(initial, values) }).toPromise();
    const found = refusalsOf(intl, outcome);
    const general: Refusal[] = [];
    for (const refusal of found) {
      const field = refusal.field ? API_FIELDS[refusal.field] : undefined;
      if (field) setError(field, { type: "server", message: refusalSentence(intl, refusal) });
      else general.push(refusal);
    }
    setRefusals(general);
    if (!found.length) {
      notify(bridge, "success", t("edit.saved"));
      onSaved();
    }
  });

  const field = (name: keyof EditValues, label: string, rules = {}, type?: "date" | "password") => (
    <FormInput control={control} name={name} rules={rules} label={t(label)} type={type} data-field={name}
               autoComplete={name === "password" ? "new-password" : "off"} />
  );
  const validJson = (value: string) => {
    try {
      const parsed = JSON.parse(value || "{}");
      return (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) || t("form.jsonObject");
    } catch {
      return t("form.json");
    }
  };

  return (
    <Box as="form" display="flex" flexDirection="column" gap={3} data-testid="service-edit"
         noValidate onSubmit={(event) => { event.preventDefault(); save(); }}>
      <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(200px, 1fr))" gap={3}>
        {field("domain", "field.domain")}
        {field("nextDueDate", "field.nextDueDate", { required: t("form.required") }, "date")}
        {field("recurringAmount", "field.amount", {
          required: t("form.required"),
          validate: (value: string) => (/^\d+(\.\d+)?$/.test(value.trim()) && Number(value) > 0) || t("form.amount"),
        })}
      </Box>
      <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(200px, 1fr))" gap={3}>
        {field("serverHostname", "field.server")}
        {field("username", "field.username")}
        {field("password", "edit.newPassword", {}, "password")}
        {field("packageName", "field.package")}
      </Box>
      <Box display="flex" flexDirection="column" gap={1}>
        <label htmlFor="service-options"><Text size={2} fontWeight="medium">{t("field.options")}</Text></label>
        <Box as="textarea" id="service-options" rows={5} padding={2} borderRadius={3} borderStyle="solid" borderWidth={1}
             borderColor={errors.options ? "critical1" : "default1"} backgroundColor="default1" color="default1"
             fontSize={2} data-field="options" {...register("options", { validate: validJson })} />
        {errors.options?.message && <Text size={1} color="critical1" role="alert">{errors.options.message}</Text>}
      </Box>
      <ErrorList errors={refusals} />
      <Box display="flex" gap={2} justifyContent="flex-end">
        <Button type="button" variant="secondary" onClick={onCancel}>{t("edit.cancel")}</Button>
        <Button type="submit" variant="primary" disabled={isSubmitting || !isDirty} data-testid="save-service">{t("edit.save")}</Button>
      </Box>
    </Box>
  );
}
