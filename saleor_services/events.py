"""Activity-log writers. Callers run them inside the transaction of the change."""

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from .actors import Actor
from .bulk_sql import insert_rows
from .enums import EmailStatus, ServiceEventType, ServiceStatus
from .models import Service, ServiceEvent

# Events the customer hears about by e-mail (CREATED only when born active).
EMAIL_EVENTS = frozenset(
    {
        ServiceEventType.ACTIVATED,
        ServiceEventType.RENEWAL_CREATED,
        ServiceEventType.RENEWAL_REMINDER,
        ServiceEventType.RENEWAL_LINK_REPLACED,
        ServiceEventType.SUSPENSION_WARNING,
        ServiceEventType.SUSPENDED,
        ServiceEventType.UNSUSPENDED,
        ServiceEventType.CANCELLATION_REQUESTED,
        ServiceEventType.CANCELLATION_APPROVED,
        ServiceEventType.CANCELLATION_REJECTED,
        ServiceEventType.CANCELLATION_WITHDRAWN,
        ServiceEventType.CANCELLED,
        ServiceEventType.TERMINATION_WARNING,
        ServiceEventType.TERMINATED,
        ServiceEventType.PLAN_CHANGED,
        ServiceEventType.REACTIVATED,
    }
)


def _owes_email(service: Service, type: ServiceEventType, parameters: dict) -> bool:
    if not service.user_email:
        return False
    if type == ServiceEventType.CREATED:
        return parameters.get("new_status") == ServiceStatus.ACTIVE
    return type in EMAIL_EVENTS


def jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value


def build_event(
    *, service: Service, type: ServiceEventType, actor: Actor, email: bool = True, **parameters: Any
) -> ServiceEvent:
    parameters = {key: jsonable(value) for key, value in parameters.items() if value is not None}
    return ServiceEvent(
        service=service,
        type=type,
        actor_type=actor.type,
        user_id=actor.user_id,
        app_id=actor.app_id,
        parameters=parameters,
        email_status=(
            EmailStatus.PENDING
            if email and _owes_email(service, type, parameters)
            else EmailStatus.NOT_REQUIRED
        ),
    )


def service_events_create(events: list[ServiceEvent]) -> list[ServiceEvent]:
    """Write events in one INSERT; e-mails and staff alerts they owe go out after commit."""
    from .notifications import alerts_for_events, deliver_emails_after_commit

    created = insert_rows(events)
    if any(event.email_status == EmailStatus.PENDING for event in created):
        deliver_emails_after_commit()
    alerts_for_events(created)
    return created


def service_event_create(
    *, service: Service, type: ServiceEventType, actor: Actor, **parameters: Any
) -> ServiceEvent:
    [event] = service_events_create([build_event(service=service, type=type, actor=actor, **parameters)])
    return event
