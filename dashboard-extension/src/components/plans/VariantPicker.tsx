import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";
import { useIntl } from "react-intl";
import { usePageQuery } from "../../client";
import type { CatalogueVariantsQuery as CatalogueData } from "../../gql/graphql";
import { CatalogueVariantsQuery } from "../../queries";
import { Failure, Loading, Money } from "../common";

export type ChosenVariant = CatalogueData["serviceCatalogueVariants"][number];

/** The words typed, once typing pauses (one request per pause, not per key). */
function useSettled(value: string, delay = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** The plan's variant, found by searching the host's catalogue: product and variant
 * names, SKU and channel prices; a variant another plan sells already is marked. */
export function VariantPicker({ chosen, editingPlan, onChoose }: {
  chosen: string; editingPlan: string | null; onChoose: (variant: ChosenVariant) => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState(false);
  const settled = useSettled(search.trim());
  const { data, error, fetching, refetch } = usePageQuery(CatalogueVariantsQuery, { search: settled || null, first: 10 }, !open);
  const variants = fetching ? undefined : data?.serviceCatalogueVariants;

  return (
    <Box display="flex" flexDirection="column" gap={2} data-testid="variant-picker">
      <Input label={t("plans.variantSearch")} value={search} data-testid="catalogue-search" autoComplete="off"
             onFocus={() => setOpen(true)} onChange={(event) => { setSearch(event.target.value); setOpen(true); }} />
      {chosen && (
        <Text size={2} data-testid="chosen-variant">{t("plans.chosen", { variant: chosen })}</Text>
      )}
      {open && (error ? <Failure error={error} retry={refetch} /> : !variants ? <Loading /> : !variants.length ? (
        <Text size={2} color="default2">{t("plans.noVariant")}</Text>
      ) : (
        <Box display="flex" flexDirection="column" gap={1} role="listbox" aria-label={t("plans.variantSearch")}
             data-testid="catalogue-results" borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={3}
             __maxHeight="280px" overflowY="auto">
          {variants.map((variant) => {
            const taken = variant.plan && variant.plan.id !== editingPlan ? variant.plan : null;
            return (
              <Box key={variant.id} role="option" aria-selected={false} aria-disabled={Boolean(taken)} data-variant={variant.id}
                   display="flex" gap={3} alignItems="center" flexWrap="wrap" paddingX={3} paddingY={2}
                   borderBottomStyle="solid" borderBottomWidth={1} borderColor="default1">
                <Box display="flex" flexDirection="column" __flexGrow="1" __minWidth="180px">
                  <Text size={2} fontWeight="medium">{variant.productName}{variant.name ? ` · ${variant.name}` : ""}</Text>
                  <Text size={1} color="default2">{variant.sku ? t("plans.sku", { sku: variant.sku }) : t("plans.noSku")}</Text>
                </Box>
                <Text size={2} data-testid="variant-prices">
                  {variant.prices.length
                    ? variant.prices.map((entry) => <span key={entry.channelSlug}><Money value={entry.price} /> ({entry.channelSlug}) </span>)
                    : t("plans.notListed")}
                </Text>
                {taken ? (
                  <Text size={1} color="warning1" data-taken={taken.name}>{t("plans.taken", { plan: taken.name })}</Text>
                ) : (
                  <Button type="button" size="small" variant="secondary"
                          onClick={() => { onChoose(variant); setOpen(false); setSearch(""); }}>
                    {t("plans.choose")}
                  </Button>
                )}
              </Box>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
