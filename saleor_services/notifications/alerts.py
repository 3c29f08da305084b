"""Staff alerts: what needs a person (a cancellation to review, a failed provisioning, a
refund, a failed payment or daily-run step, an e-mail that could not go out).

Raised in the transaction of what they are about, each under a key naming it, so the
same thing alerts once; sent after commit from their outbox (`outbox.send_pending_alerts`).
"""

from django.db import transaction

from ..enums import CancellationMode, ServiceEventType, StaffAlertKind
from ..events import jsonable
from ..models import Service, ServiceEvent, StaffAlert

_ALERT_OF_EVENT = {
    ServiceEventType.PROVISIONING_FAILED: StaffAlertKind.PROVISIONING_FAILED,
    ServiceEventType.RENEWAL_REFUNDED: StaffAlertKind.RENEWAL_REFUNDED,
    ServiceEventType.RENEWAL_PARTIALLY_REFUNDED: StaffAlertKind.RENEWAL_REFUNDED,
    ServiceEventType.RENEWAL_FAILED: StaffAlertKind.RENEWAL_PAYMENT_FAILED,
    ServiceEventType.CANCELLATION_REQUESTED: StaffAlertKind.CANCELLATION_REQUESTED,
}


def raise_staff_alert(*, kind: StaffAlertKind, key: str, service: Service | None = None, **parameters) -> None:
    """Record an alert (once per `key`); it is sent after the transaction commits."""
    StaffAlert.objects.bulk_create(
        [StaffAlert(kind=kind, key=key, service=service, parameters=jsonable(parameters))],
        ignore_conflicts=True,
    )
    deliver_alerts_after_commit()


def raises_alert(event_type: ServiceEventType) -> bool:
    """Whether an event of this type may raise a staff alert."""
    return event_type in _ALERT_OF_EVENT


def _needs_staff(event: ServiceEvent) -> bool:
    if event.type == ServiceEventType.CANCELLATION_REQUESTED:
        # In request mode staff review it; an immediate cancellation needs nobody.
        return event.service.plan.cancellation_mode == CancellationMode.REQUEST
    return event.type in _ALERT_OF_EVENT


def alerts_for_events(events: list[ServiceEvent]) -> None:
    """The alerts these just-written events raise (called by `service_events_create`)."""
    alerts = [
        StaffAlert(
            kind=_ALERT_OF_EVENT[event.type],
            key=f"event:{event.pk}",
            service=event.service,
            parameters={**event.parameters, "event_type": event.type},
        )
        for event in events
        if event.type in _ALERT_OF_EVENT and _needs_staff(event)
    ]
    if alerts:
        StaffAlert.objects.bulk_create(alerts, ignore_conflicts=True)
        deliver_alerts_after_commit()


def automation_step_failed(*, step: str, today, error: Exception) -> None:
    """A daily-run step failed as a whole: one alert per step and day, however often rerun."""
    raise_staff_alert(
        kind=StaffAlertKind.AUTOMATION_STEP_FAILED,
        key=f"step:{step}:{today.isoformat()}",
        step=step,
        date=today,
        error=f"{type(error).__name__}: {error}"[:1000],
    )


def deliver_alerts_after_commit() -> None:
    def dispatch():
        from ..tasks import send_staff_alerts

        send_staff_alerts.delay()

    transaction.on_commit(dispatch, robust=True)
