"""Customer e-mails: an outbox on the activity log.

An event that owes an e-mail is written with `email_status = PENDING` in the same
transaction as the change; after commit a task sends what is pending, claiming rows
with SKIP LOCKED, so each e-mail goes once however many senders run.
"""

import logging
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .bulk_sql import update_rows
from .enums import EmailStatus, ServiceEventType
from .models import Renewal, ServiceEvent

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
TEMPLATE = "saleor_services/emails/{}.txt"


def template_for(event: ServiceEvent) -> str:
    kind = "activated" if event.type == ServiceEventType.CREATED else event.type.lower()
    return TEMPLATE.format(kind)


def _parameters(event: ServiceEvent) -> dict:
    """Event parameters with their dates as dates, so templates format them per language."""
    parameters = dict(event.parameters)
    for key, value in parameters.items():
        if key.endswith("_date") and isinstance(value, str):
            try:
                parameters[key] = date.fromisoformat(value)
            except ValueError:
                pass
    return parameters


def _renewal_id(event: ServiceEvent) -> int | None:
    return event.parameters.get("renewal_id")


def render_email(event: ServiceEvent, renewals: dict[int, Renewal] | None = None) -> tuple[str, str]:
    """Subject (the template's first line) and body, in the customer's language.

    `renewals` holds the batch's renewals by id (loaded once, not per e-mail).
    """
    service = event.service
    renewal_id = _renewal_id(event)
    if renewals is None and renewal_id:
        renewals = Renewal.objects.in_bulk([renewal_id])
    context = {
        "service": service,
        "event": event,
        "parameters": _parameters(event),
        "renewal": (renewals or {}).get(renewal_id),
        "password": service.password.reveal(),
    }
    language = getattr(service.user, "language_code", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        text = render_to_string(template_for(event), context)
    subject, _, body = text.strip().partition("\n")
    return subject.removeprefix("Subject:").strip(), body.strip() + "\n"


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
        renewals = Renewal.objects.in_bulk({_renewal_id(e) for e in events if _renewal_id(e)})
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
        from .tasks import send_service_emails

        send_service_emails.delay()

    transaction.on_commit(dispatch, robust=True)
