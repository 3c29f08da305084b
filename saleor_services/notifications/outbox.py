"""Customer e-mails and staff alerts: outboxes on their rows, sent without holding locks.

An event that owes an e-mail is written with `email_status = PENDING` in the same
transaction as the change (an alert, as a PENDING `StaffAlert`). After commit a task
sends what is pending in three steps:

1. claim: a short transaction takes pending rows with SKIP LOCKED and marks them
   SENDING with the claim's time, then commits (concurrent senders take other rows);
2. send: each claimed e-mail goes to the host, outside any transaction;
3. record: SENT, back to PENDING for another try, or FAILED after the last try (written
   in the activity log, and staff are alerted).

A claim older than CLAIM_LEASE is a sender that died mid-way; its rows are claimed again.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..actors import Actor
from ..conf import get_settings
from ..enums import EmailStatus
from ..host import OutgoingEmail, get_host
from ..models import Renewal, ServiceEvent, StaffAlert
from ..reach import within_reach
from .kinds import customer_kind, notify_event, staff_kind
from .rendering import language_of, render_alert, render_email, renewal_id_of

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5  # the default of SALEOR_SERVICES["EMAIL_MAX_ATTEMPTS"]
CLAIM_LEASE = timedelta(minutes=15)


@dataclass(frozen=True)
class _Outbox:
    model: type
    status: str
    attempts: str
    error: str
    claimed_at: str


CUSTOMER = _Outbox(ServiceEvent, "email_status", "email_attempts", "email_error", "email_claimed_at")
STAFF = _Outbox(StaffAlert, "status", "attempts", "error", "claimed_at")


def _claim(outbox: _Outbox, limit: int) -> tuple[list[int], object]:
    """Mark up to `limit` due rows SENDING, in a transaction of its own; their ids."""
    now = timezone.now()
    due = Q(**{outbox.status: EmailStatus.PENDING}) | Q(
        **{outbox.status: EmailStatus.SENDING, f"{outbox.claimed_at}__lt": now - CLAIM_LEASE}
    )
    with transaction.atomic():
        ids = list(
            outbox.model.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(due)
            .order_by("pk")
            .values_list("pk", flat=True)[:limit]
        )
        outbox.model.objects.filter(pk__in=ids).update(
            **{
                outbox.status: EmailStatus.SENDING,
                outbox.claimed_at: now,
                outbox.attempts: F(outbox.attempts) + 1,
            }
        )
    return ids, now


def _record(outbox: _Outbox, pk: int, claimed_at, **values) -> bool:
    """Write a send's result, unless the claim was lost (taken over after the lease)."""
    return bool(
        outbox.model.objects.filter(
            pk=pk, **{outbox.status: EmailStatus.SENDING, outbox.claimed_at: claimed_at}
        ).update(**values)
    )


def _error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:1000]


def customer_email(event: ServiceEvent, renewals: dict[int, Renewal] | None = None) -> OutgoingEmail:
    service = event.service
    language = language_of(service)
    subject, text, html = render_email(event, renewals, language=language)
    kind = customer_kind(event.type)
    return OutgoingEmail(
        event=notify_event(kind),
        recipients=(service.user_email,),
        subject=subject,
        text=text,
        html=html,
        language=language,
        channel_slug=service.channel_slug,
        payload={
            "kind": kind,
            "service_id": service.pk,
            "event_id": event.pk,
            "event_type": event.type,
            "parameters": event.parameters,
            "product_name": service.product_name,
            "domain": service.domain,
            "status": service.status,
            "user_id": service.user_id,
        },
    )


def send_pending_emails(*, limit: int = 200) -> int:
    """Send up to `limit` pending customer e-mails; returns how many went out."""
    ids, claimed_at = _claim(CUSTOMER, limit)
    if not ids:
        return 0
    events = list(
        ServiceEvent.objects.filter(pk__in=ids)
        .select_related("service", "service__user", "service__plan")
        .order_by("pk")
    )
    renewals = Renewal.objects.in_bulk({renewal_id_of(e) for e in events if renewal_id_of(e)})
    host = get_host()
    max_attempts = get_settings().EMAIL_MAX_ATTEMPTS
    sent = 0
    for event in events:
        try:
            host.send_email(customer_email(event, renewals))
        except Exception as error:  # noqa: BLE001 - one bad address must not stop the rest
            _customer_failed(event, claimed_at, _error_text(error), max_attempts)
        else:
            sent += _record(CUSTOMER, event.pk, claimed_at, email_status=EmailStatus.SENT, email_error="")
    return sent


def _customer_failed(event: ServiceEvent, claimed_at, error: str, max_attempts: int) -> None:
    from ..actors import SYSTEM
    from ..enums import ServiceEventType, StaffAlertKind
    from ..events import service_event_create
    from .alerts import raise_staff_alert

    logger.warning("E-mail for service event %s failed: %s", event.pk, error)
    final = event.email_attempts >= max_attempts
    with transaction.atomic():
        recorded = _record(
            CUSTOMER,
            event.pk,
            claimed_at,
            email_status=EmailStatus.FAILED if final else EmailStatus.PENDING,
            email_error=error,
        )
        if recorded and final:
            service_event_create(
                service=event.service,
                type=ServiceEventType.EMAIL_FAILED,
                actor=SYSTEM,
                email=False,
                email_event_id=event.pk,
                email_event_type=event.type,
                recipient=event.service.user_email,
                attempts=event.email_attempts,
                error=error,
            )
            raise_staff_alert(
                kind=StaffAlertKind.EMAIL_FAILED,
                key=f"email:{event.pk}:{event.email_attempts}",
                service=event.service,
                event_type=event.type,
                recipient=event.service.user_email,
                attempts=event.email_attempts,
                error=error,
                subject=_subject_or_blank(event),
            )


def _subject_or_blank(event: ServiceEvent) -> str:
    try:
        return render_email(event)[0]
    except Exception:  # noqa: BLE001 - the alert goes out without it
        return ""


def send_pending_alerts(*, limit: int = 100) -> int:
    """Send up to `limit` pending staff alerts; returns how many went out."""
    ids, claimed_at = _claim(STAFF, limit)
    if not ids:
        return 0
    from django.conf import settings

    host = get_host()
    recipients = staff_recipients()
    max_attempts = get_settings().EMAIL_MAX_ATTEMPTS
    sent = 0
    for alert in StaffAlert.objects.filter(pk__in=ids).select_related("service", "service__plan").order_by("pk"):
        try:
            subject, text, html = render_alert(alert)
            host.send_email(
                OutgoingEmail(
                    event=notify_event(staff_kind(alert.kind)),
                    recipients=tuple(recipients),
                    subject=subject,
                    text=text,
                    html=html,
                    language=settings.LANGUAGE_CODE,
                    channel_slug=alert.service.channel_slug if alert.service else None,
                    payload={
                        "kind": staff_kind(alert.kind),
                        "alert_id": alert.pk,
                        "service_id": alert.service_id,
                        "parameters": alert.parameters,
                    },
                    staff=True,
                )
            )
        except Exception as error:  # noqa: BLE001 - one alert must not stop the rest
            logger.warning("Staff alert %s failed: %s", alert.pk, _error_text(error))
            final = alert.attempts >= max_attempts
            _record(
                STAFF, alert.pk, claimed_at,
                status=EmailStatus.FAILED if final else EmailStatus.PENDING,
                error=_error_text(error),
            )
            if final:
                # Nobody to tell by e-mail: the log is the last resort.
                logger.error("Staff alert %s (%s) could not be sent", alert.pk, alert.kind)
        else:
            sent += _record(STAFF, alert.pk, claimed_at, status=EmailStatus.SENT, error="")
    return sent


def staff_recipients() -> list[str]:
    """Everyone staff alerts go to: the host's recipients and the setting's, once each."""
    seen = dict.fromkeys([*get_host().staff_alert_recipients(), *get_settings().STAFF_ALERT_RECIPIENTS])
    return list(seen)


def failed_emails(*, actor: Actor):
    """Customer e-mails that failed every try, newest first (service_event_failed_idx),
    of the services `actor` may reach (channel-restricted staff: their channels')."""
    return within_reach(
        ServiceEvent.objects.filter(email_status=EmailStatus.FAILED), actor, through="service__"
    ).select_related("service").order_by("-date", "-pk")


def email_retry(*, event_id: int, actor: Actor) -> ServiceEvent:
    """Send a FAILED e-mail again (staff): back to PENDING with fresh tries."""
    from ..errors import ServiceError, ServiceErrorCode

    with transaction.atomic():
        event = (
            within_reach(ServiceEvent.objects.select_for_update(of=("self",)), actor, through="service__")
            .select_related("service")
            .filter(pk=event_id)
            .first()
        )
        if event is None or event.email_status == EmailStatus.NOT_REQUIRED:
            raise ServiceError(ServiceErrorCode.NOT_FOUND, "E-mail not found.", field="id")
        if event.email_status != EmailStatus.FAILED:
            raise ServiceError(
                ServiceErrorCode.INVALID_TRANSITION,
                "Only a failed e-mail can be sent again.",
                field="id",
            )
        event.email_status = EmailStatus.PENDING
        event.email_attempts = 0
        event.email_error = ""
        event.save(update_fields=["email_status", "email_attempts", "email_error"])
        deliver_emails_after_commit()
    return event


def deliver_emails_after_commit() -> None:
    def dispatch():
        from ..tasks import send_service_emails

        send_service_emails.delay()

    transaction.on_commit(dispatch, robust=True)
