"""Celery tasks of the Saleor adapter."""

import logging

from celery import shared_task

from ..tasks import writes
from .renewal_checkouts import open_renewal_checkout, release_renewal_checkout

logger = logging.getLogger(__name__)


@shared_task(name="saleor_services.open_renewal_checkouts")
@writes
def open_renewal_checkouts(renewal_ids: list[int]) -> int:
    """Inside Saleor: a checkout per new renewal (each on its own; one failure skips one)."""
    opened = 0
    for renewal_id in renewal_ids:
        try:
            opened += open_renewal_checkout(renewal_id)
        except Exception:  # noqa: BLE001 - reconciliation retries it
            logger.exception("Could not open the checkout of renewal %s", renewal_id)
    return opened


@shared_task(name="saleor_services.release_renewal_checkouts")
@writes
def release_renewal_checkouts(renewal_ids: list[int]) -> int:
    """Inside Saleor: voided renewals' checkouts are deleted, so nothing is left to pay."""
    released = 0
    for renewal_id in renewal_ids:
        try:
            released += release_renewal_checkout(renewal_id)
        except Exception:  # noqa: BLE001 - reconciliation retries it
            logger.exception("Could not release the checkout of renewal %s", renewal_id)
    return released

