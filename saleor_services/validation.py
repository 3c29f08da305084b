"""Checks every piece of free input passes before it reaches the database."""

import json
from datetime import date, timedelta
from decimal import Decimal

from .conf import get_settings
from .errors import ServiceError, ServiceErrorCode

# The bounds of free-form input, in one place (the README's table lists them). Text is
# counted in characters after stripping; JSON by its compact serialisation.
MAX_LABEL_LENGTH = 255  # domain, server hostname, username, package name
MAX_PASSWORD_LENGTH = 1000  # a provisioned password (stored encrypted)
MAX_PLAN_NAME_LENGTH = 250
# Reasons and notes (suspension, cancellation, termination, fraud, renewal void, request
# decisions): SALEOR_SERVICES['CANCELLATION_REASON_MAX_LENGTH'], at most this.
MAX_REASON_LENGTH = 1000
MAX_JSON_BYTES = 64 * 1024  # options, metadata (each map as a whole)
MAX_JSON_DEPTH = 10  # options: objects and arrays nested in each other
MAX_JSON_KEYS = 1000  # options: keys and items in all, at every depth
MAX_METADATA_ITEMS = 50  # metadata and private metadata, each
MAX_METADATA_KEY_LENGTH = 256
MAX_METADATA_VALUE_LENGTH = 2000
MAX_SEARCH_LENGTH = 256  # list search and the customer filter (longer text is cut)
MAX_LIST_VALUES = 100  # values of one list filter
MAX_BULK_IDS = 100  # services in one bulk mutation
MAX_AMOUNT = Decimal("999999999.999")  # a service's recurring amount


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


def json_exceeds(value, *, max_depth: int, max_keys: int) -> str | None:
    """What of a JSON value is beyond the bounds ("depth", "keys") or None, walked
    without recursion (a value nested thousands deep is measured, not overflowing the
    stack) and stopping at the first excess."""
    count = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list | tuple):
            children = list(item)
        else:
            continue
        if depth > max_depth:
            return "depth"
        count += len(children)
        if count > max_keys:
            return "keys"
        stack.extend((child, depth + 1) for child in children)
    return None


def clean_json(value, *, field: str, max_depth: int = MAX_JSON_DEPTH, max_keys: int = MAX_JSON_KEYS):
    """JSON that PostgreSQL's jsonb accepts (no NUL anywhere) and of a bounded size:
    at most MAX_JSON_BYTES serialised, `max_depth` levels, `max_keys` keys and items."""
    excess = json_exceeds(value, max_depth=max_depth, max_keys=max_keys)
    if excess == "depth":
        raise _invalid(field, f"The value nests more than {max_depth} levels.")
    if excess == "keys":
        raise _invalid(field, f"The value has more than {max_keys} keys and items.")
    try:
        encoded = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        raise _invalid(field, "Not valid JSON.") from None
    if "\\u0000" in encoded:
        raise _invalid(field, "The value contains a NUL character.")
    if len(encoded) > MAX_JSON_BYTES:
        raise _invalid(field, f"The value is larger than {MAX_JSON_BYTES} bytes.")
    return value


def clean_options(value, *, field: str = "options") -> dict:
    """A service's configurable options: a JSON object within the JSON bounds."""
    if not isinstance(value, dict):
        raise _invalid(field, "Expected an object.")
    return clean_json(value, field=field)


def clean_metadata(value, *, field: str) -> dict[str, str]:
    """Metadata: at most MAX_METADATA_ITEMS string pairs, keys of 1 to
    MAX_METADATA_KEY_LENGTH characters, values up to MAX_METADATA_VALUE_LENGTH."""
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise _invalid(field, "Expected key-value pairs of strings.")
    if len(value) > MAX_METADATA_ITEMS:
        raise _invalid(field, f"At most {MAX_METADATA_ITEMS} items.")
    for key, item in value.items():
        if not 0 < len(key) <= MAX_METADATA_KEY_LENGTH:
            raise _invalid(field, f"Keys must be 1 to {MAX_METADATA_KEY_LENGTH} characters long.")
        if len(item) > MAX_METADATA_VALUE_LENGTH:
            raise _invalid(field, f"Values must be at most {MAX_METADATA_VALUE_LENGTH} characters long.")
    return clean_json(value, field=field, max_depth=1, max_keys=MAX_METADATA_ITEMS)


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
