"""Activity-log writers. Callers run them inside the transaction of the change."""

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from .actors import Actor
from .enums import ServiceEventType
from .models import Service, ServiceEvent


def _jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return value


def build_event(
    *, service: Service, type: ServiceEventType, actor: Actor, **parameters: Any
) -> ServiceEvent:
    return ServiceEvent(
        service=service,
        type=type,
        actor_type=actor.type,
        user_id=actor.user_id,
        app_id=actor.app_id,
        parameters={key: _jsonable(value) for key, value in parameters.items() if value is not None},
    )


def service_event_create(
    *, service: Service, type: ServiceEventType, actor: Actor, **parameters: Any
) -> ServiceEvent:
    event = build_event(service=service, type=type, actor=actor, **parameters)
    event.save()
    return event
