"""Celery tasks: thin wrappers that take ids or dates and call the domain."""

import functools
from datetime import date

from celery import shared_task

from . import automation, notifications, status_counts
from .host import get_host


def writes(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with get_host().task_writes():
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


@shared_task(name="saleor_services.send_staff_alerts")
@writes
def send_staff_alerts() -> int:
    return notifications.send_pending_alerts()


@shared_task(name="saleor_services.compact_service_status_counts")
@writes
def compact_service_status_counts() -> int:
    return status_counts.service_status_counts_compact()


@shared_task(bind=True, name="saleor_services.call_provisioning_webhook")
@writes
def call_provisioning_webhook(
    self, service_id: int, operation: str, sequence: int = 0, event_id: str = ""
) -> str:
    """One webhook call; retried with exponential backoff, the outcome recorded."""
    from .conf import get_settings
    from .provisioning import outcome
    from .provisioning.webhook import PermanentFailure, TransientFailure, payload, post

    service = outcome.service_for_call(service_id)
    if service is None:
        return "gone"
    try:
        answer = post(operation, payload(service, operation, event_id=event_id, sequence=sequence))
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
