"""The host's catalogue, as staff choose what a plan sells: its variants (searched by
product name, variant name and SKU, with their channel prices) and the names of what
plans sell. The host reads its own catalogue (Saleor's products inside Saleor)."""


from .host import CatalogueVariant, get_host
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
