"""Customer e-mails: rendered from the activity log, sent through an outbox."""

from .outbox import MAX_ATTEMPTS, deliver_emails_after_commit, send_pending_emails
from .rendering import render_email, template_for

__all__ = [
    "MAX_ATTEMPTS",
    "deliver_emails_after_commit",
    "render_email",
    "send_pending_emails",
    "template_for",
]
