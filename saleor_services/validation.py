"""Checks every piece of free input passes before it reaches the database."""

import json
from datetime import date, timedelta

from .conf import get_settings
from .errors import ServiceError, ServiceErrorCode

MAX_JSON_BYTES = 64 * 1024


def _invalid(field: str, message: str) -> ServiceError:
    return ServiceError(ServiceErrorCode.INVALID, message, field=field)


def clean_text(value: str | None, *, field: str, max_length: int, required: bool = False) -> str:
    """Stripped text within `max_length`; PostgreSQL cannot store NUL characters."""
    text = (value or "").strip()
    label = field.replace("_", " ")
    if required and not text:
        raise ServiceError(ServiceErrorCode.REQUIRED, f"The {label} is required.", field=field)
    if "\x00" in text:
        raise _invalid(field, f"The {label} contains a NUL character.")
    if len(text) > max_length:
        raise _invalid(field, f"The {label} is longer than {max_length} characters.")
    return text


def bounded_text(value: str | None, *, field: str, required: bool = False) -> str:
    """Free text from a person (reason, note), bounded by the configured length."""
    return clean_text(
        value, field=field, max_length=get_settings().CANCELLATION_REASON_MAX_LENGTH, required=required
    )


def clean_json(value, *, field: str):
    """JSON that PostgreSQL's jsonb accepts (no NUL anywhere) and of a sane size."""
    try:
        encoded = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        raise _invalid(field, "Not valid JSON.") from None
    if "\\u0000" in encoded:
        raise _invalid(field, "The value contains a NUL character.")
    if len(encoded) > MAX_JSON_BYTES:
        raise _invalid(field, f"The value is larger than {MAX_JSON_BYTES} bytes.")
    return value


# Dates people and apps may set (due dates, resume dates, previews): within this many
# years of today, so date arithmetic in the daily run can never leave the calendar.
DATE_RANGE_YEARS = 50


def clean_date(value, *, field: str, today: date | None = None) -> date:
    """A date within DATE_RANGE_YEARS of today, or a typed refusal."""
    from django.utils import timezone

    if not isinstance(value, date):
        raise _invalid(field, "Expected a date.")
    today = today or timezone.localdate()
    span = timedelta(days=365 * DATE_RANGE_YEARS + DATE_RANGE_YEARS // 4)
    if not today - span <= value <= today + span:
        raise _invalid(
            field, f"The {field.replace('_', ' ')} must be within {DATE_RANGE_YEARS} years of today."
        )
    return value
