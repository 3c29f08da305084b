"""The reconciliation step (DESIGN §4.7): what a missed or failed hook left undone.

- paid orders with service lines but no services get them (a renewal order's ordinary
  lines too, never its renewal line);
- renewal orders that are paid but not recorded are recorded;
- renewals whose checkout could not be opened get one;
- renewals whose checkout Saleor's expired-checkout cleanup deleted (or whose order
  expired unpaid) get a new one, with a new payment URL;
- renewal orders cancelled unpaid void their renewal; money a renewal order gave back
  (through a transaction, or the refunds of a payment on Saleor's older Payment API) is
  recorded on its renewal;
- renewals that ask for no money any more (voided, or marked paid by staff) lose a
  checkout that is still open.
"""

import logging
from datetime import date, timedelta

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from saleor.checkout.models import Checkout
from saleor.order import OrderChargeStatus, OrderStatus
from saleor.order.models import Order, OrderLine
from saleor.payment import ChargeStatus
from saleor.payment.models import Payment, TransactionItem

from ..billing.renewal_states import SETTLED
from ..creation import create_services_for_paid_order
from ..enums import RenewalStatus
from ..models import Renewal, Service, ServicePlan
from .orders import RENEWAL_METADATA_KEY, paid_order_from_saleor
from .renewal_checkouts import open_renewal_checkout, release_renewal_checkout
from .renewal_payments import renewal_order_cancelled, renewal_order_paid, renewal_order_refunded

logger = logging.getLogger(__name__)

LOOK_BACK = timedelta(days=30)
LIMIT = 500
PAID = (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED)
# A renewal's checkout younger than this may still be on its way (the task runs after commit).
GRACE = timedelta(hours=1)


def _paid_orders_missing_services(since):
    variant_ids = ServicePlan.objects.filter(variant_id__isnull=False).values("variant_id")
    product_ids = ServicePlan.objects.filter(variant_id__isnull=True).values("product_id")
    service_lines = (
        OrderLine.objects.filter(order=OuterRef("pk"))
        .filter(Q(variant_id__in=variant_ids) | Q(variant__product_id__in=product_ids))
        # A renewal order's renewal line is no purchase (orders.ordinary_lines).
        .exclude(Q(is_price_overridden=True) & Q(order__private_metadata__has_key=RENEWAL_METADATA_KEY))
    )
    return (
        Order.objects.filter(charge_status__in=PAID, updated_at__gte=since)
        # Unconfirmed orders wait for staff; cancelled ones get nothing.
        .exclude(status__in=[OrderStatus.UNCONFIRMED, OrderStatus.CANCELED, OrderStatus.DRAFT])
        .filter(Exists(service_lines))
        .exclude(Exists(Service.objects.filter(order_id=OuterRef("pk"))))
        .select_related("channel", "billing_address")
        .order_by("updated_at")[:LIMIT]
    )


def _checkout_token():
    return Cast(OuterRef("checkout_id"), CharField())


def _paid_renewal_orders_not_recorded(since):
    """Orders made from a renewal's checkout, paid, whose renewal does not know it."""
    unrecorded = Renewal.objects.filter(checkout_id__isnull=False).filter(
        Q(status__in=(RenewalStatus.OPEN, RenewalStatus.FAILED))
        | Q(status=RenewalStatus.VOID, updated_at__gte=since)
    )
    paid = Order.objects.filter(checkout_token=_checkout_token(), charge_status__in=PAID)
    tokens = unrecorded.filter(Exists(paid)).values_list("checkout_id", flat=True)[:LIMIT]
    return Order.objects.filter(checkout_token__in=[str(token) for token in tokens]).filter(
        charge_status__in=PAID
    )


def _renewals_without_checkout():
    return Renewal.objects.filter(
        status=RenewalStatus.OPEN,
        checkout_id__isnull=True,
        order_id__isnull=True,
        created_at__lt=timezone.now() - GRACE,
    )


def _renewals_whose_checkout_is_gone():
    """Open renewals whose checkout no longer exists and did not become a live order."""
    live_order = (
        Order.objects.non_draft()
        .filter(checkout_token=_checkout_token())
        .exclude(status=OrderStatus.EXPIRED)
    )
    return Renewal.objects.filter(
        status=RenewalStatus.OPEN,
        checkout_id__isnull=False,
        updated_at__lt=timezone.now() - GRACE,
    ).exclude(Exists(Checkout.objects.filter(token=OuterRef("checkout_id")))).exclude(Exists(live_order))


def _renewal_orders_cancelled_unpaid():
    cancelled = Order.objects.filter(pk=OuterRef("order_id"), status=OrderStatus.CANCELED).exclude(
        charge_status__in=PAID
    )
    order_ids = Renewal.objects.filter(
        status__in=(RenewalStatus.OPEN, RenewalStatus.FAILED), order_id__isnull=False
    ).filter(Exists(cancelled)).values_list("order_id", flat=True)[:LIMIT]
    return Order.objects.filter(pk__in=list(order_ids))


def _renewal_orders_with_refunds(since):
    """Orders of paid renewals (recently paid or refunded in part) that gave money back."""
    refunded = TransactionItem.objects.filter(order_id=OuterRef("order_id"), refunded_value__gt=0)
    # Payment apps on Saleor's older Payment API refund through the order's payment.
    refunded_payment = Payment.objects.filter(
        order_id=OuterRef("order_id"),
        charge_status__in=(ChargeStatus.PARTIALLY_REFUNDED, ChargeStatus.FULLY_REFUNDED),
    )
    order_ids = Renewal.objects.filter(
        status__in=SETTLED, order_id__isnull=False, updated_at__gte=since
    ).filter(Exists(refunded) | Exists(refunded_payment)).values_list("order_id", flat=True)[:LIMIT]
    return Order.objects.filter(pk__in=list(order_ids))


def _settled_renewals_with_open_checkout(since):
    """Renewals that ask for no money any more but whose checkout is still payable."""
    with_payment = TransactionItem.objects.filter(checkout_id=OuterRef("token"))
    open_checkout = Checkout.objects.filter(token=OuterRef("checkout_id")).exclude(Exists(with_payment))
    return Renewal.objects.filter(checkout_id__isnull=False, updated_at__gte=since).exclude(
        status__in=(RenewalStatus.OPEN, RenewalStatus.FAILED)
    ).filter(Exists(open_checkout))


def _each(items, function, what: str) -> int:
    done = 0
    for item in items:
        try:
            done += bool(function(item))
        except Exception:  # noqa: BLE001 - tried again tomorrow
            logger.exception("Could not %s %s", what, getattr(item, "pk", item))
    return done


def reconcile(today: date) -> int:
    repaired = 0
    since = timezone.now() - LOOK_BACK
    for order in _paid_orders_missing_services(since):
        repaired += len(create_services_for_paid_order(paid_order_from_saleor(order)))
    # A renewal paid while the hook was off: the checkout became a paid order.
    repaired += _each(
        _paid_renewal_orders_not_recorded(since),
        lambda order: renewal_order_paid(order) or True,
        "record the payment of renewal order",
    )
    repaired += _each(_renewal_orders_cancelled_unpaid(), renewal_order_cancelled, "void the renewal of order")
    repaired += _each(_renewal_orders_with_refunds(since), renewal_order_refunded, "record the refunds of order")
    repaired += _each(
        _renewals_without_checkout().values_list("pk", flat=True)[:LIMIT],
        open_renewal_checkout,
        "open the checkout of renewal",
    )
    repaired += _each(
        _renewals_whose_checkout_is_gone().values_list("pk", flat=True)[:LIMIT],
        open_renewal_checkout,
        "open a new checkout of renewal",
    )
    repaired += _each(
        _settled_renewals_with_open_checkout(since).values_list("pk", flat=True)[:LIMIT],
        release_renewal_checkout,
        "release the checkout of renewal",
    )
    return repaired
