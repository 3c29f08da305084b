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
