"""Celery tasks of the Saleor adapter."""

import logging

from celery import shared_task

from ..tasks import writes
from .renewal_orders import open_renewal_order

logger = logging.getLogger(__name__)


@shared_task(name="saleor_services.open_renewal_orders")
@writes
def open_renewal_orders(renewal_ids: list[int]) -> int:
    """Inside Saleor: an order per new renewal (each on its own; one failure skips one)."""
    opened = 0
    for renewal_id in renewal_ids:
        try:
            open_renewal_order(renewal_id)
            opened += 1
        except Exception:  # noqa: BLE001 - reconciliation retries it
            logger.exception("Could not open the order of renewal %s", renewal_id)
    return opened
