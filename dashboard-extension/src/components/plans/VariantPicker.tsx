import { Box, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { useIntl } from "react-intl";

export interface ChosenVariant {
  id: string; productId: string; productName: string; name: string;
  prices: { channelSlug: string; price: { amount: number; currency: string } }[];
}

/** The plan's variant (stand-in until the catalogue search lands: a variant's global id). */
export function VariantPicker({ chosen, onChoose }: {
  chosen: string; editingPlan: string | null; onChoose: (variant: ChosenVariant) => void;
}) {
  const intl = useIntl();
  const [id, setId] = useState("");
  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <Input label={intl.formatMessage({ id: "plans.variant" })} value={id} data-testid="variant-id"
             onChange={(event) => {
               setId(event.target.value);
               onChoose({ id: event.target.value.trim(), productId: "", productName: event.target.value.trim(), name: "", prices: [] });
             }} />
      {chosen && <Text size={2} color="default2">{chosen}</Text>}
    </Box>
  );
}
