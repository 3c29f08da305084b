"""Saleor's Order, read into the domain's PaidOrder."""

from decimal import Decimal

from saleor.order.models import Order

from ..creation import PaidOrder, PaidOrderLine

# Private-metadata key that marks a renewal's payable order (and carries the renewal id).
RENEWAL_METADATA_KEY = "saleor_services.renewal_id"


def is_renewal_order(order: Order) -> bool:
    return RENEWAL_METADATA_KEY in (order.private_metadata or {})


def renewal_id_of(order: Order) -> int:
    return int(order.private_metadata[RENEWAL_METADATA_KEY])


def _customer_name(order: Order) -> str:
    address = order.billing_address
    if address is not None:
        return f"{address.first_name} {address.last_name}".strip()
    return ""


def paid_order_from_saleor(order: Order) -> PaidOrder:
    """One query for the lines (with their variants' product ids), whatever their number."""
    lines = order.lines.select_related("variant").only(
        "id",
        "order_id",  # deferred, it would cost a query per line
        "variant_id",
        "variant__product_id",
        "product_name",
        "variant_name",
        "quantity",
        "unit_price_gross_amount",
        "metadata",
    )
    return PaidOrder(
        order_id=order.pk,
        channel_slug=order.channel.slug,
        currency=order.currency,
        user_id=order.user_id,
        user_email=order.user_email or "",
        customer_name=_customer_name(order),
        lines=tuple(
            PaidOrderLine(
                line_id=line.pk,
                variant_id=line.variant_id,
                # A deleted variant leaves no product to match; such a line is skipped.
                product_id=line.variant.product_id if line.variant is not None else None,
                product_name=line.product_name,
                variant_name=line.variant_name,
                quantity=line.quantity,
                unit_price=Decimal(line.unit_price_gross_amount),
                options=dict(line.metadata or {}),
            )
            for line in lines
        ),
    )
