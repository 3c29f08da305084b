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

/** What a plan sells: one variant, or every variant of its product. */
export type Choice = { scope: "variant" | "product"; variant: ChosenVariant };

/** The search's variants under their products, in the order the API answered. */
function byProduct(variants: ChosenVariant[]): ChosenVariant[][] {
  const groups = new Map<string, ChosenVariant[]>();
  for (const variant of variants) groups.set(variant.productId, [...(groups.get(variant.productId) ?? []), variant]);
  return [...groups.values()];
}

/** The plan's variant or whole product, found by searching the host's catalogue: product
 * and variant names, SKU and channel prices. A variant with a plan of its own is marked and
 * cannot be chosen; so is a product a product-wide plan already sells. */
export function VariantPicker({ chosen, editingPlan, onChoose }: {
  chosen: { label: string; scope: "variant" | "product" } | null; editingPlan: string | null; onChoose: (choice: Choice) => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState(false);
  const settled = useSettled(search.trim());
  const { data, error, fetching, refetch } = usePageQuery(CatalogueVariantsQuery, { search: settled || null, first: 10 }, !open);
  const variants = fetching ? undefined : data?.serviceCatalogueVariants;
  const choose = (choice: Choice) => { onChoose(choice); setOpen(false); setSearch(""); };
  const other = (plan: ChosenVariant["plan"]) => (plan && plan.id !== editingPlan ? plan : null);

  return (
    <Box display="flex" flexDirection="column" gap={2} data-testid="variant-picker">
      <Input label={t("plans.variantSearch")} value={search} data-testid="catalogue-search" autoComplete="off"
             onFocus={() => setOpen(true)} onChange={(event) => { setSearch(event.target.value); setOpen(true); }} />
      {chosen && (
        <Text size={2} data-testid="chosen-variant" data-scope={chosen.scope}>
          {chosen.scope === "product" ? t("plans.chosenProduct", { product: chosen.label }) : t("plans.chosen", { variant: chosen.label })}
        </Text>
      )}
      {open && (error ? <Failure error={error} retry={refetch} /> : !variants ? <Loading /> : !variants.length ? (
        <Text size={2} color="default2">{t("plans.noVariant")}</Text>
      ) : (
        <Box display="flex" flexDirection="column" role="listbox" aria-label={t("plans.variantSearch")}
             data-testid="catalogue-results" borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={3}
             __maxHeight="320px" overflowY="auto">
          {byProduct(variants).map((group) => {
            const product = group[0];
            // A product-wide plan is what its variants without a plan of their own answer.
            const productPlan = other(group.find((variant) => variant.plan && !variant.plan.variantId)?.plan ?? null);
            return (
              <Box key={product.productId} data-product={product.productId} display="flex" flexDirection="column">
                <Box role="option" aria-selected={false} aria-disabled={Boolean(productPlan)}
                     display="flex" gap={3} alignItems="center" flexWrap="wrap" paddingX={3} paddingY={2}
                     backgroundColor="default2" borderBottomStyle="solid" borderBottomWidth={1} borderColor="default1">
                  <Text size={2} fontWeight="bold" __flexGrow="1">{t("plans.productWide", { product: product.productName })}</Text>
                  {productPlan ? (
                    <Text size={1} color="warning1" data-taken={productPlan.name}>{t("plans.productTaken", { plan: productPlan.name })}</Text>
                  ) : (
                    <Button type="button" size="small" variant="secondary" data-choose="product"
                            aria-label={t("plans.allVariantsOf", { product: product.productName })}
                            onClick={() => choose({ scope: "product", variant: product })}>
                      {t("plans.allVariants")}
                    </Button>
                  )}
                </Box>
                {group.map((variant) => {
                  const plan = other(variant.plan);
                  const taken = plan?.variantId ? plan : null;
                  return (
                    <Box key={variant.id} role="option" aria-selected={false} aria-disabled={Boolean(taken)} data-variant={variant.id}
                         display="flex" gap={3} alignItems="center" flexWrap="wrap" paddingX={3} paddingY={2} paddingLeft={6}
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
                        <>
                          {plan && <Text size={1} color="default2">{t("plans.productPlanSells", { plan: plan.name })}</Text>}
                          <Button type="button" size="small" variant="secondary" data-choose="variant"
                                  onClick={() => choose({ scope: "variant", variant })}>
                            {t("plans.choose")}
                          </Button>
                        </>
                      )}
                    </Box>
                  );
                })}
              </Box>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
