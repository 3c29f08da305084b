"""Staff edits of a service's details (not its status: that is the lifecycle's)."""

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from .actors import Actor
from .credentials import CredentialsUnavailable
from .enums import ServiceEventType
from .errors import ServiceError, ServiceErrorCode
from .events import service_event_create
from .lifecycle import lock_service
from .models import Service
from .validation import (
    MAX_AMOUNT,
    MAX_LABEL_LENGTH,
    MAX_PASSWORD_LENGTH,
    clean_date,
    clean_metadata,
    clean_options,
    clean_text,
)

_UNSET: Any = object()
_TEXT_LIMITS = {
    "domain": MAX_LABEL_LENGTH,
    "server_hostname": MAX_LABEL_LENGTH,
    "username": MAX_LABEL_LENGTH,
    "package_name": MAX_LABEL_LENGTH,
    "password": MAX_PASSWORD_LENGTH,
}


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


def _same_password(old, new: str) -> bool:
    try:
        return old.reveal() == new
    except CredentialsUnavailable:  # unreadable with today's keys: setting it replaces it
        return False


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for field, value in changes.items():
        if value is _UNSET:
            continue
        if field in _TEXT_LIMITS:
            value = clean_text(value, field=field, max_length=_TEXT_LIMITS[field])
        elif field == "next_due_date":
            if value is not None:
                value = clean_date(value, field=field)
        elif field == "recurring_amount":
            value = _clean_amount(value)
        elif field == "options":
            value = clean_options(value, field=field)
        elif field in ("metadata", "private_metadata"):
            value = clean_metadata(value, field=field)
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
                if not _same_password(old, value):
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
