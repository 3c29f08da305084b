"""What Saleor's order events mean for the renewal whose checkout became the order.

A renewal order is an order with the renewal id in its private metadata (copied by Saleor
from the checkout the services App opened). Its renewal line is the line the App priced
(`orders.is_renewal_line`). Paid, it settles one period of the renewal, never more;
its other lines are an ordinary purchase (service lines become services at the price
paid for them). Units of the renewal line beyond one are no services at all.
"""

import logging
from decimal import Decimal

from django.db import transaction

from ..actors import SYSTEM
from ..billing.renewal_states import SETTLED
from ..billing.renewals import renewal_mark_paid, renewal_record_refund, renewal_void
from ..creation import create_services_for_paid_order
from ..enums import RenewalStatus
from ..models import Renewal
from .orders import is_renewal_line, order_lines, paid_order_from_saleor, renewal_id_of

logger = logging.getLogger(__name__)

# Renewals a cancelled order takes back: still asking for money.
_UNPAID = frozenset({RenewalStatus.OPEN, RenewalStatus.FAILED})


def _renewal_of(order) -> Renewal | None:
    renewal_id = renewal_id_of(order)
    if renewal_id is None:
        return None
    renewal = Renewal.objects.filter(pk=renewal_id).first()
    if renewal is None:
        logger.warning("Order %s names renewal %s, which does not exist.", order.pk, renewal_id)
    return renewal


def _renewal_line(lines: list):
    return next((line for line in lines if is_renewal_line(line)), None)


def _link_order(renewal: Renewal, order, *, replace: bool) -> None:
    """The renewal's document is now this order (its checkout is gone)."""
    queryset = Renewal.objects.filter(pk=renewal.pk)
    if not replace:
        queryset = queryset.filter(order_id__isnull=True)
    queryset.exclude(order_id=order.pk).update(order_id=order.pk)


def renewal_order_created(order) -> None:
    """An order from a renewal's checkout: the renewal points at it from now on."""
    renewal = _renewal_of(order)
    if renewal is not None and _renewal_line(order_lines(order)) is not None:
        _link_order(renewal, order, replace=False)


def renewal_order_paid(order) -> None:
    """Settle one period of the renewal; the order's other lines are ordinary.

    Idempotent (Saleor may report a payment more than once): paying a renewal twice
    changes nothing, and services are made once per unit.
    """
    lines = order_lines(order)
    renewal = _renewal_of(order)
    line = _renewal_line(lines)
    if renewal is not None and line is not None:
        if renewal.status not in SETTLED | {RenewalStatus.REFUNDED}:
            _link_order(renewal, order, replace=True)
        if line.quantity > 1:
            logger.warning(
                "Renewal order %s paid %d units of renewal %s's line; one period is settled, "
                "the other units are not services (refund them).",
                order.pk, line.quantity, renewal.pk,
            )
        renewal_mark_paid(renewal_id=renewal.pk, by_host=True)
    elif renewal is not None:
        _document_consumed(renewal, order)
    create_services_for_paid_order(paid_order_from_saleor(order, lines))


def _document_consumed(renewal: Renewal, order) -> None:
    """The renewal's checkout was completed without its line: it still asks for money, so
    it gets a new checkout."""
    logger.warning(
        "Order %s came from renewal %s's checkout without the renewal's line; the renewal "
        "stays open and gets a new checkout.", order.pk, renewal.pk,
    )
    consumed = Renewal.objects.filter(
        pk=renewal.pk, status=RenewalStatus.OPEN, checkout_id=order.checkout_token or None
    ).update(checkout_id=None, payment_url="")
    if consumed:
        from .renewal_checkouts import SaleorBilling

        transaction.on_commit(lambda: SaleorBilling().open_documents_later([renewal.pk]))


def renewal_order_cancelled(order) -> bool:
    """A cancelled renewal order that was never paid voids its renewal."""
    from saleor.order import OrderChargeStatus

    renewal = _renewal_of(order)
    if renewal is None or renewal.status not in _UNPAID:
        return False
    if renewal.order_id not in (None, order.pk):
        return False  # an older order of the renewal; its current document stands
    if order.charge_status in (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED):
        return False  # paid: recorded by order_fully_paid; money back by the refund hooks
    renewal_void(
        renewal_id=renewal.pk,
        actor=SYSTEM,
        reason=f"Order #{order.number} was cancelled in Saleor.",
    )
    return True


def refunded_total(order) -> Decimal:
    """What the order's payments gave back, counted as Saleor counts it for
    ORDER_FULLY_REFUNDED: transactions' refunded values, and the refunds of its last
    (legacy) payment."""
    from saleor.payment import ChargeStatus, TransactionKind

    total = sum(order.payment_transactions.values_list("refunded_value", flat=True), Decimal(0))
    payment = order.get_last_payment()
    if payment is not None and payment.charge_status in (
        ChargeStatus.PARTIALLY_REFUNDED,
        ChargeStatus.FULLY_REFUNDED,
    ):
        total += sum(
            payment.transactions.filter(kind=TransactionKind.REFUND, is_success=True).values_list(
                "amount", flat=True
            ),
            Decimal(0),
        )
    return total


def renewal_order_refunded(order, *, fully: bool = False) -> bool:
    """Record what of the order's refunds falls on the renewal.

    The renewal's amount is the price as entered in the channel; the order's money is
    gross. The renewal takes its line's share of the refunds, in its own terms:
    refunded × amount ÷ order total (so a full refund of the order refunds the renewal in
    full, and a half refund of a one-line order half of it). Recorded as the difference
    from what is recorded already, so Saleor calling both refund hooks (or twice) counts once.
    """
    from saleor.core.prices import quantize_price

    renewal = _renewal_of(order)
    if renewal is None or renewal.status not in SETTLED:
        return False
    if _renewal_line(order_lines(order)) is None:
        return False
    order_total = Decimal(order.total_gross_amount)
    refunded = refunded_total(order)
    full = fully or (order_total > 0 and refunded >= order_total)
    if full:
        share = renewal.amount
    elif order_total > 0:
        share = min(quantize_price(refunded * renewal.amount / order_total, renewal.currency), renewal.amount)
    else:
        return False
    amount = share - renewal.refunded_amount
    if amount <= 0:
        return False
    renewal_record_refund(renewal_id=renewal.pk, amount=amount, full=True if full else None)
    return True
