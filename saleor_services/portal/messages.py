"""What the portal says after an action, and how it words the domain's refusals."""

from ..errors import ServiceError, ServiceErrorCode

NOTICES = {
    "cancellation_requested": "Your cancellation request was recorded.",
    "cancellation_withdrawn": "Your cancellation request was withdrawn.",
    "paused": "The service is paused.",
    "resumed": "The service is running again.",
    "reactivated": "The service is active again; pay its new period's renewal to keep it.",
    "upgrade_charged": "The upgrade is ready to pay; the new plan starts once it is paid.",
    "downgrade_scheduled": "The new plan starts at the next renewal.",
}

# The domain's refusals, in the customer's words (and language); others show as they are.
ERRORS = {
    (ServiceErrorCode.REQUIRED, "password"): "Confirm with your password.",
    (ServiceErrorCode.PASSWORD_INCORRECT, "password"): "The password is incorrect.",
    (ServiceErrorCode.REQUIRED, "reason"): "Tell us why you are cancelling.",
    (ServiceErrorCode.INVALID, "type"): "Choose when the cancellation takes effect.",
    (ServiceErrorCode.ALREADY_REQUESTED, None): "This has already been requested.",
    (ServiceErrorCode.NOT_ALLOWED_BY_PLAN, None): "Your plan does not allow this; please contact us.",
    (ServiceErrorCode.NOT_ALLOWED_BY_PLAN, "plan"): "The service cannot change to that plan.",
    (ServiceErrorCode.INVALID_TRANSITION, "status"): "This cannot be done while the service is in this state.",
    (ServiceErrorCode.INVALID, "resume_on"): "The resume date must be in the future.",
    (ServiceErrorCode.NOT_FOUND, "id"): "There is no such page among your services.",
}


def notice_text(tr, key: str) -> str:
    return tr(NOTICES[key]) if key in NOTICES else ""


def error_text(tr, error: ServiceError) -> str:
    message = ERRORS.get((error.code, error.field)) or ERRORS.get((error.code, None))
    return tr(message) if message else error.message
