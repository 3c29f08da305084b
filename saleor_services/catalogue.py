"""The host's catalogue, as staff choose what a plan sells: its variants (searched by
product name, variant name and SKU, with their channel prices) and the names of what
plans sell. The host reads its own catalogue (Saleor's products inside Saleor)."""

from collections.abc import Iterable

from django.db.models import Q

from .host import CatalogueVariant, get_host
from .models import ServicePlan
from .validation import MAX_SEARCH_LENGTH

MAX_CATALOGUE_VARIANTS = 100


def catalogue_variant_search(
    *, search: str | None, first: int, using: str = "default"
) -> list[CatalogueVariant]:
    """At most `first` (clamped to 1..100) catalogue variants matching every word of
    `search` (cut to 256 characters; blank: any)."""
    # PostgreSQL text cannot hold NUL: dropped, as the services search drops it.
    text = " ".join((search or "")[:MAX_SEARCH_LENGTH].replace("\x00", "").split())
    limit = max(1, min(first, MAX_CATALOGUE_VARIANTS))
    return get_host().catalogue_variants(search=text or None, first=limit, using=using)


def plans_for_variants(
    variants: Iterable[tuple[int, int | None]], *, using: str = "default"
) -> dict[tuple[int, int | None], ServicePlan]:
    """The plan selling each (variant id, product id): the variant's own plan, else its
    product's (as orders pick it), in one query."""
    variants = list(dict.fromkeys(variants))
    variant_ids = {variant for variant, _ in variants}
    product_ids = {product for _, product in variants if product is not None}
    if not variants:
        return {}
    plans = ServicePlan.objects.using(using).filter(
        Q(variant_id__in=variant_ids) | Q(variant_id__isnull=True, product_id__in=product_ids)
    )
    by_variant, by_product = {}, {}
    for plan in plans:
        if plan.variant_id is not None:
            by_variant[plan.variant_id] = plan
        else:
            by_product[plan.product_id] = plan
    found = {}
    for variant, product in variants:
        plan = by_variant.get(variant) or by_product.get(product)
        if plan is not None:
            found[variant, product] = plan
    return found


def catalogue_names_of_plans(
    keys: list[tuple[int | None, int | None]], *, using: str = "default"
) -> list[tuple[str, str]]:
    """(product name, variant name) of each (variant id, product id) a plan sells, in one
    call to the host: "" for what the catalogue no longer has, and for the variant of a
    product-wide plan (or of a variant since deleted, named by its product)."""
    variant_ids = {variant for variant, _ in keys if variant is not None}
    product_ids = {product for _, product in keys if product is not None}
    names = get_host().catalogue_names(variant_ids=variant_ids, product_ids=product_ids, using=using)
    result = []
    for variant, product in keys:
        if variant is not None and variant in names.variants:
            result.append(names.variants[variant])
        else:  # a product-wide plan, or a variant since deleted: its product's name
            result.append((names.products.get(product, ""), ""))
    return result
