"""Staff edits of a service's details (not its status: that is the lifecycle's)."""

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from .actors import Actor
from .enums import ServiceEventType
from .errors import ServiceError, ServiceErrorCode
from .events import service_event_create
from .lifecycle import lock_service
from .models import Service
from .validation import clean_date, clean_json, clean_text

_UNSET: Any = object()
MAX_AMOUNT = Decimal("999999999.999")
_TEXT_LIMITS = {"domain": 255, "server_hostname": 255, "username": 255, "package_name": 255}


def _invalid(field: str, message: str) -> ServiceError:
    return ServiceError(ServiceErrorCode.INVALID, message, field=field)


def _clean_amount(value) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.001"))
    except (InvalidOperation, ValueError, TypeError):
        raise _invalid("recurring_amount", "The amount must be a number.") from None
    if not amount.is_finite() or not Decimal(0) <= amount <= MAX_AMOUNT:
        raise _invalid("recurring_amount", f"The amount must be between 0 and {MAX_AMOUNT}.")
    return amount


def _clean_string_map(field: str, value) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and 0 < len(k) <= 256 and len(v) <= 10_000
        for k, v in value.items()
    ):
        raise _invalid(field, "Expected key-value pairs of strings.")
    return value


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for field, value in changes.items():
        if value is _UNSET:
            continue
        if field in _TEXT_LIMITS:
            value = clean_text(value, field=field, max_length=_TEXT_LIMITS[field])
        elif field == "password":
            value = clean_text(value, field="password", max_length=1000)
        elif field == "next_due_date":
            if value is not None:
                value = clean_date(value, field=field)
        elif field == "recurring_amount":
            value = _clean_amount(value)
        elif field == "options":
            if not isinstance(value, dict):
                raise _invalid(field, "Expected an object.")
            value = clean_json(value, field="options")
        elif field in ("metadata", "private_metadata"):
            value = clean_json(_clean_string_map(field, value), field=field)
        cleaned[field] = value
    return cleaned


def service_update(
    *,
    service_id: int,
    actor: Actor,
    domain: str = _UNSET,
    next_due_date: date | None = _UNSET,
    recurring_amount: Decimal = _UNSET,
    server_hostname: str = _UNSET,
    username: str = _UNSET,
    password: str = _UNSET,
    package_name: str = _UNSET,
    options: dict = _UNSET,
    metadata: dict = _UNSET,
    private_metadata: dict = _UNSET,
) -> Service:
    """Apply the given changes; the UPDATED event lists them (a password only as changed)."""
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Service not found.", field="id")
    cleaned = _clean(
        {
            "domain": domain,
            "next_due_date": next_due_date,
            "recurring_amount": recurring_amount,
            "server_hostname": server_hostname,
            "username": username,
            "password": password,
            "package_name": package_name,
            "options": options,
            "metadata": metadata,
            "private_metadata": private_metadata,
        }
    )
    with transaction.atomic():
        service = lock_service(service_id, actor=actor)
        changes: dict[str, Any] = {}
        for field, value in cleaned.items():
            old = getattr(service, field)
            if field == "password":
                if old.reveal() != value:
                    changes[field] = "changed"
                    setattr(service, field, value)
            elif old != value:
                changes[field] = (
                    "changed" if field == "private_metadata" else {"old": old, "new": value}
                )
                setattr(service, field, value)
        if not changes:
            return service
        changed_fields = list(changes)
        if "next_due_date" in changes and service.next_due_date is not None:
            # A staff-set due date is the new anchor of the billing cycle.
            service.billing_anchor_day = service.next_due_date.day
            service.paused_days = 0
            changed_fields += ["billing_anchor_day", "paused_days"]
        service.save(update_fields=[*changed_fields, "updated_at"])
        service_event_create(
            service=service, type=ServiceEventType.UPDATED, actor=actor, changes=changes
        )
        return service
