from .conf import get_settings
from .errors import ServiceError, ServiceErrorCode


def bounded_text(value: str | None, *, field: str, required: bool = False) -> str:
    """Free text from a person (reason, note): stripped, optionally required, bounded."""
    text = (value or "").strip()
    if required and not text:
        raise ServiceError(ServiceErrorCode.REQUIRED, f"The {field} is required.", field=field)
    limit = get_settings().CANCELLATION_REASON_MAX_LENGTH
    if len(text) > limit:
        raise ServiceError(
            ServiceErrorCode.INVALID,
            f"The {field} is longer than {limit} characters.",
            field=field,
        )
    return text
