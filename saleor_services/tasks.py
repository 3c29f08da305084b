"""Celery tasks: thin wrappers that take ids or dates and call the domain."""

from datetime import date

from celery import shared_task

from . import automation, notifications


@shared_task(name="saleor_services.run_daily_automation")
def run_daily_automation(today: str | None = None) -> dict[str, int]:
    return automation.run_daily_automation(date.fromisoformat(today) if today else None)


@shared_task(name="saleor_services.run_automation_step")
def run_automation_step(step: str, today: str | None = None) -> int:
    from django.utils import timezone

    return automation.run_step(step, date.fromisoformat(today) if today else timezone.localdate())


@shared_task(name="saleor_services.send_service_emails")
def send_service_emails() -> int:
    return notifications.send_pending_emails()


@shared_task(bind=True, name="saleor_services.call_provisioning_webhook")
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
