"""Saleor's catalogue: variant prices, the plan form's variant search, product and
variant names."""

from decimal import Decimal

from django.db.models import Q
from saleor.product.models import Product, ProductVariant, ProductVariantChannelListing

from ..host import CatalogueChannelPrice, CatalogueNames, CatalogueVariant


def variant_channel_prices(
    variant_channels: set[tuple[int, str]],
) -> dict[tuple[int, str], tuple[Decimal, str]]:
    """Each variant's price in each channel, as entered in the channel (Saleor's
    `price_amount`, before promotions), for those that are listed and priced."""
    if not variant_channels:
        return {}
    wanted = Q()
    for variant_id, channel_slug in variant_channels:
        wanted |= Q(variant_id=variant_id, channel__slug=channel_slug)
    listings = ProductVariantChannelListing.objects.filter(wanted, price_amount__isnull=False)
    return {
        (variant_id, slug): (amount, currency)
        for variant_id, slug, amount, currency in listings.values_list(
            "variant_id", "channel__slug", "price_amount", "currency"
        )
    }


def _matching(queryset, search: str | None):
    """Variants whose product name, own name or SKU contain each word of `search`."""
    for word in (search or "").split():
        queryset = queryset.filter(
            Q(product__name__icontains=word) | Q(name__icontains=word) | Q(sku__icontains=word)
        )
    return queryset


def catalogue_variants(*, search: str | None, first: int, using: str):
    """Saleor's variants for the plan form: two queries (the variants with their
    products, then their priced channel listings)."""
    variants = list(
        _matching(ProductVariant.objects.using(using), search)
        .select_related("product")
        .order_by("product__name", "product_id", "sort_order", "pk")[:first]
    )
    prices: dict[int, list] = {variant.pk: [] for variant in variants}
    listings = (
        ProductVariantChannelListing.objects.using(using)
        .filter(variant_id__in=prices, price_amount__isnull=False)
        .order_by("channel__slug")
        .values_list("variant_id", "channel__slug", "price_amount", "currency")
    )
    for variant_id, slug, amount, currency in listings:
        prices[variant_id].append(CatalogueChannelPrice(channel_slug=slug, amount=amount, currency=currency))
    return [
        CatalogueVariant(
            variant_id=variant.pk,
            product_id=variant.product_id,
            product_name=variant.product.name,
            name=variant.name or "",
            sku=variant.sku or None,
            prices=tuple(prices[variant.pk]),
        )
        for variant in variants
    ]


def catalogue_names(*, variant_ids: set[int], product_ids: set[int], using: str):
    """Current names of these variants (with their product's) and products: at most two
    queries."""
    variants = {}
    if variant_ids:
        rows = ProductVariant.objects.using(using).filter(pk__in=variant_ids)
        variants = {pk: (product, name or "") for pk, product, name in rows.values_list("pk", "product__name", "name")}
    products = {}
    if product_ids:
        products = dict(Product.objects.using(using).filter(pk__in=product_ids).values_list("pk", "name"))
    return CatalogueNames(variants=variants, products=products)
