"""Customer e-mails: an outbox on the activity log.

An event that owes an e-mail is written with `email_status = PENDING` in the same
transaction as the change; after commit a task sends what is pending, claiming rows
with SKIP LOCKED, so each e-mail goes once however many senders run.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction

from ..bulk_sql import update_rows
from ..enums import EmailStatus
from ..models import Renewal, ServiceEvent
from .rendering import render_email, renewal_id_of

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def send_pending_emails(*, limit: int = 200) -> int:
    """Send up to `limit` pending e-mails; returns how many went out."""
    sent = 0
    with transaction.atomic():
        events = list(
            ServiceEvent.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(email_status=EmailStatus.PENDING)
            .select_related("service", "service__user")
            .order_by("pk")[:limit]
        )
        renewals = Renewal.objects.in_bulk({renewal_id_of(e) for e in events if renewal_id_of(e)})
        for event in events:
            try:
                subject, body = render_email(event, renewals)
                send_mail(subject, body, None, [event.service.user_email])
            except Exception as error:  # noqa: BLE001 - one bad address must not stop the rest
                event.email_attempts += 1
                event.email_error = f"{type(error).__name__}: {error}"[:1000]
                if event.email_attempts >= MAX_ATTEMPTS:
                    event.email_status = EmailStatus.FAILED
                logger.warning("E-mail for service event %s failed: %s", event.pk, event.email_error)
            else:
                event.email_status = EmailStatus.SENT
                event.email_error = ""
                sent += 1
        update_rows(events, ["email_status", "email_attempts", "email_error"])
    return sent


def deliver_emails_after_commit() -> None:
    def dispatch():
        from ..tasks import send_service_emails

        send_service_emails.delay()

    transaction.on_commit(dispatch, robust=True)
