"""The daily automation on the Celery app's beat schedule (added when the app is ready)."""

from celery.schedules import crontab

from .conf import code_settings

DAILY_AUTOMATION = "saleor-services-daily-automation"
EMAIL_SWEEP = "saleor-services-email-outbox"
ALERT_SWEEP = "saleor-services-staff-alert-outbox"
STATUS_COUNTS = "saleor-services-compact-status-counts"


def beat_entries() -> dict:
    at = code_settings().AUTOMATION_TIME
    return {
        DAILY_AUTOMATION: {
            "task": "saleor_services.run_daily_automation",
            "schedule": crontab(hour=at.hour, minute=at.minute),
        },
        # E-mails go out after each commit; this catches any whose sender died.
        EMAIL_SWEEP: {"task": "saleor_services.send_service_emails", "schedule": 300.0},
        ALERT_SWEEP: {"task": "saleor_services.send_staff_alerts", "schedule": 300.0},
        # Keeps the per-status counts to a row or so per status, so reading them stays cheap.
        STATUS_COUNTS: {"task": "saleor_services.compact_service_status_counts", "schedule": 600.0},
    }


def register_beat_schedule(app) -> None:
    schedule = app.conf.beat_schedule or {}
    schedule.update(beat_entries())
    app.conf.beat_schedule = schedule
