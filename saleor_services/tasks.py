"""Celery tasks: thin wrappers that take ids or dates and call the domain."""

import contextlib
import functools
from datetime import date

from celery import shared_task
from django.apps import apps

from . import automation, notifications, status_counts


def _writer_allowed():
    # Saleor's workers refuse writer access unless a task asks for it.
    if apps.is_installed("saleor.core"):
        from .saleor.db import allow_writer

        return allow_writer()
    return contextlib.nullcontext()


def writes(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with _writer_allowed():
            return function(*args, **kwargs)

    return wrapper


@shared_task(name="saleor_services.run_daily_automation")
@writes
def run_daily_automation(today: str | None = None) -> dict[str, int]:
    return automation.run_daily_automation(date.fromisoformat(today) if today else None)


@shared_task(name="saleor_services.run_automation_step")
@writes
def run_automation_step(step: str, today: str | None = None) -> int:
    from django.utils import timezone

    return automation.run_step(step, date.fromisoformat(today) if today else timezone.localdate())


@shared_task(name="saleor_services.send_service_emails")
@writes
def send_service_emails() -> int:
    return notifications.send_pending_emails()


@shared_task(name="saleor_services.compact_service_status_counts")
@writes
def compact_service_status_counts() -> int:
    return status_counts.service_status_counts_compact()


@shared_task(bind=True, name="saleor_services.call_provisioning_webhook")
@writes
def call_provisioning_webhook(self, service_id: int, operation: str) -> str:
    """One webhook call; retried with exponential backoff, the outcome recorded."""
    from .conf import get_settings
    from .provisioning import outcome
    from .provisioning.webhook import PermanentFailure, TransientFailure, payload, post

    service = outcome.service_for_call(service_id)
    if service is None:
        return "gone"
    try:
        answer = post(operation, payload(service, operation))
    except TransientFailure as error:
        if self.request.retries < get_settings().PROVISIONER_WEBHOOK_RETRIES:
            # Backoff 1, 2, 4 … seconds; the last try records the outcome.
            raise self.retry(countdown=2**self.request.retries, exc=error) from None
        outcome.record_failure(service_id, operation, str(error), attempts=self.request.retries + 1)
        return "failed"
    except PermanentFailure as error:
        outcome.record_failure(service_id, operation, str(error), attempts=self.request.retries + 1)
        return "failed"
    outcome.record_success(service_id, operation, answer)
    return "succeeded"


@shared_task(name="saleor_services.open_renewal_orders")
@writes
def open_renewal_orders(renewal_ids: list[int]) -> int:
    """Inside Saleor: an order per new renewal (each on its own; one failure skips one)."""
    import logging

    from .saleor.billing import open_renewal_order

    opened = 0
    for renewal_id in renewal_ids:
        try:
            open_renewal_order(renewal_id)
            opened += 1
        except Exception:  # noqa: BLE001 - reconciliation retries it
            logging.getLogger(__name__).exception("Could not open the order of renewal %s", renewal_id)
    return opened
