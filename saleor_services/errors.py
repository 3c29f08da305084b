"""Typed domain errors. The GraphQL layer maps `ServiceErrorCode` one to one."""

from enum import StrEnum


class ServiceErrorCode(StrEnum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    NOT_FOUND = "NOT_FOUND"
    UNIQUE = "UNIQUE"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    NOT_ALLOWED_BY_PLAN = "NOT_ALLOWED_BY_PLAN"
    PASSWORD_INCORRECT = "PASSWORD_INCORRECT"
    # Too many wrong passwords from this address (the host's login throttling).
    CONFIRMATION_DELAYED = "CONFIRMATION_DELAYED"
    # No usable password and no recent enough sign-in: sign in again, then confirm.
    SIGN_IN_REQUIRED = "SIGN_IN_REQUIRED"
    ALREADY_REQUESTED = "ALREADY_REQUESTED"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    PLAN_IN_USE = "PLAN_IN_USE"
    CREDENTIALS_UNAVAILABLE = "CREDENTIALS_UNAVAILABLE"


class ServiceError(Exception):
    """A refused operation. Raised before anything is written, so nothing changes."""

    def __init__(self, code: ServiceErrorCode, message: str, *, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __repr__(self) -> str:
        return f"ServiceError({self.code}, {self.message!r}, field={self.field!r})"
