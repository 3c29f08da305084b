import { Box, Input, Text } from "@saleor/macaw-ui";
import type { ComponentProps } from "react";
import { type Control, type FieldPath, type FieldValues, type RegisterOptions, useController } from "react-hook-form";

type InputProps = Omit<ComponentProps<typeof Input>, "value" | "onChange" | "onBlur" | "name" | "error">;

/**
 * A macaw-ui Input bound to react-hook-form. Controlled, because macaw's Input floats its
 * label above a value only when it is given the value; its error is written under it.
 */
export function FormInput<Values extends FieldValues, Name extends FieldPath<Values>>({ control, name, rules, ...props }:
  InputProps & {
    control: Control<Values>;
    name: Name;
    rules?: RegisterOptions<Values, Name>;
  }) {
  const { field, fieldState } = useController<Values, Name>({ control, name, rules });
  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <Input {...props} name={field.name} ref={field.ref} value={(field.value as string | undefined) ?? ""}
             onChange={field.onChange} onBlur={field.onBlur} error={Boolean(fieldState.error)} />
      {fieldState.error?.message && <Text size={1} color="critical1" role="alert">{fieldState.error.message}</Text>}
    </Box>
  );
}
