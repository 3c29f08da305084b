"""Prices from Saleor's catalogue."""

from decimal import Decimal

from django.db.models import Q
from saleor.product.models import ProductVariantChannelListing


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
