"""Saleor's Order, read into the domain's PaidOrder; which orders and lines are renewals."""

from decimal import Decimal

from saleor.order.models import Order

from ..creation import PaidOrder, PaidOrderLine

# Private metadata that marks a renewal's checkout (and the order Saleor makes of it, which
# copies the checkout's metadata) with the renewal id. Only an app with HANDLE_CHECKOUTS
# or MANAGE_CHECKOUTS can write a checkout's private metadata; a customer holding the
# checkout id cannot. The same key is on the checkout's (public) metadata and on the
# renewal line's, for storefronts to show; those a customer can edit, so they are never
# trusted.
RENEWAL_METADATA_KEY = "saleor_services.renewal_id"

_LINE_FIELDS = (
    "id",
    "order_id",  # deferred, it would cost a query per line
    "variant_id",
    "variant__product_id",
    "product_name",
    "variant_name",
    "quantity",
    "is_price_overridden",
    "undiscounted_base_unit_price_amount",
    "unit_price_gross_amount",
    "metadata",
)


def is_renewal_order(order: Order) -> bool:
    return RENEWAL_METADATA_KEY in (order.private_metadata or {})


def renewal_id_of(order: Order) -> int | None:
    try:
        return int(order.private_metadata[RENEWAL_METADATA_KEY])
    except (KeyError, TypeError, ValueError):
        return None


def order_lines(order: Order) -> list:
    """One query for the lines (with their variants' product ids), whatever their number."""
    return list(order.lines.select_related("variant").only(*_LINE_FIELDS))


def is_renewal_line(line) -> bool:
    """In a renewal order, the renewal's own line: the one priced by the services App.

    Only an app with HANDLE_CHECKOUTS sets a checkout line's price, so a customer can
    neither make another line look like it nor take its price away; units they add of
    the same variant land on it (Saleor merges them) and are never services (see
    `ordinary_lines`).
    """
    return bool(line.is_price_overridden)


def ordinary_lines(order: Order, lines: list) -> list:
    """The lines bought as in any order: all of an ordinary order's; of a renewal order,
    all but the renewal's line (whatever its quantity), at the price paid for them."""
    if not is_renewal_order(order):
        return lines
    return [line for line in lines if not is_renewal_line(line)]


def _customer_name(order: Order) -> str:
    address = order.billing_address
    if address is not None:
        return f"{address.first_name} {address.last_name}".strip()
    return ""


def paid_order_from_saleor(order: Order, lines: list | None = None) -> PaidOrder:
    """The order's ordinary lines as the domain's PaidOrder.

    A service's recurring amount is the line's undiscounted base unit price: the price as
    entered in the channel (gross where the channel enters prices with tax, net where it
    does not), before promotions and vouchers. Renewals charge it as a custom line price,
    so Saleor taxes a renewal exactly as it taxed the purchase.
    """
    if lines is None:
        lines = order_lines(order)
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
                unit_price=Decimal(line.undiscounted_base_unit_price_amount),
                options={
                    key: value
                    for key, value in (line.metadata or {}).items()
                    if key != RENEWAL_METADATA_KEY
                },
            )
            for line in ordinary_lines(order, lines)
        ),
    )
