"""Checks every piece of free input passes before it reaches the database."""

import json

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
