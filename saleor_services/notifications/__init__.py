"""Customer e-mails and staff alerts: rendered from the activity log, sent through
outboxes by the host's notification port."""

from .alerts import alerts_for_events, automation_step_failed, raise_staff_alert
from .outbox import (
    MAX_ATTEMPTS,
    deliver_emails_after_commit,
    email_retry,
    failed_emails,
    send_pending_alerts,
    send_pending_emails,
)
from .rendering import render, render_alert, render_email, template_for

__all__ = [
    "MAX_ATTEMPTS",
    "alerts_for_events",
    "automation_step_failed",
    "deliver_emails_after_commit",
    "email_retry",
    "failed_emails",
    "raise_staff_alert",
    "render",
    "render_alert",
    "render_email",
    "send_pending_alerts",
    "send_pending_emails",
    "template_for",
]
