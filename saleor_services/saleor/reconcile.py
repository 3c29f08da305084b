"""The reconciliation step (DESIGN §4.7): what a missed or failed hook left undone.

Paid orders with service lines but no services get them; renewal orders that are paid
but not recorded are recorded; renewals whose order could not be opened get one.
"""

import logging
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from saleor.order import OrderChargeStatus, OrderStatus
from saleor.order.models import Order, OrderLine

from ..billing.renewals import renewal_mark_paid
from ..creation import create_services_for_paid_order
from ..enums import RenewalStatus
from ..models import Renewal, Service, ServicePlan
from .orders import RENEWAL_METADATA_KEY, paid_order_from_saleor
from .renewal_orders import open_renewal_order

logger = logging.getLogger(__name__)

LOOK_BACK = timedelta(days=30)
LIMIT = 500
PAID = (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED)


def _paid_orders_missing_services(since):
    variant_ids = ServicePlan.objects.filter(variant_id__isnull=False).values("variant_id")
    product_ids = ServicePlan.objects.filter(variant_id__isnull=True).values("product_id")
    service_lines = OrderLine.objects.filter(order=OuterRef("pk")).filter(
        Q(variant_id__in=variant_ids) | Q(variant__product_id__in=product_ids)
    )
    return (
        Order.objects.filter(charge_status__in=PAID, updated_at__gte=since)
        .exclude(private_metadata__has_key=RENEWAL_METADATA_KEY)
        .filter(Exists(service_lines))
        .exclude(Exists(Service.objects.filter(order_id=OuterRef("pk"))))
        .select_related("channel", "billing_address")
        .order_by("updated_at")[:LIMIT]
    )


def reconcile(today: date) -> int:
    repaired = 0
    since = timezone.now() - LOOK_BACK
    for order in _paid_orders_missing_services(since):
        repaired += len(create_services_for_paid_order(paid_order_from_saleor(order)))
    paid_order_ids = Order.objects.filter(charge_status__in=PAID).values("pk")
    for renewal_id in Renewal.objects.filter(
        status=RenewalStatus.OPEN, order_id__in=paid_order_ids
    ).values_list("pk", flat=True)[:LIMIT]:
        renewal_mark_paid(renewal_id=renewal_id, today=today)
        repaired += 1
    drafts = Order.objects.filter(status=OrderStatus.DRAFT).values("pk")
    unopened = Renewal.objects.filter(
        Q(order_id__isnull=True) | Q(order_id__in=drafts),
        status=RenewalStatus.OPEN,
        created_at__lt=timezone.now() - timedelta(hours=1),
    ).values_list("pk", flat=True)[:LIMIT]
    for renewal_id in unopened:
        try:
            open_renewal_order(renewal_id)
            repaired += 1
        except Exception:  # noqa: BLE001 - tried again tomorrow
            logger.exception("Could not open the order of renewal %s", renewal_id)
    return repaired
