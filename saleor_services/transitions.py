"""The lifecycle's single source of truth: which action moves a service from where to where."""

from dataclasses import dataclass
from enum import StrEnum

from .enums import ServiceStatus as S
from .errors import ServiceError, ServiceErrorCode


class ServiceAction(StrEnum):
    ACTIVATE = "ACTIVATE"
    SUSPEND = "SUSPEND"
    UNSUSPEND = "UNSUSPEND"
    PAUSE = "PAUSE"
    RESUME = "RESUME"
    CANCEL = "CANCEL"
    TERMINATE = "TERMINATE"
    MARK_FRAUD = "MARK_FRAUD"
    ARCHIVE = "ARCHIVE"
    REACTIVATE = "REACTIVATE"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[S]
    target: S


TRANSITIONS: dict[ServiceAction, Transition] = {
    ServiceAction.ACTIVATE: Transition(frozenset({S.PENDING}), S.ACTIVE),
    ServiceAction.SUSPEND: Transition(frozenset({S.ACTIVE}), S.SUSPENDED),
    ServiceAction.UNSUSPEND: Transition(frozenset({S.SUSPENDED}), S.ACTIVE),
    ServiceAction.PAUSE: Transition(frozenset({S.ACTIVE}), S.PAUSED),
    ServiceAction.RESUME: Transition(frozenset({S.PAUSED}), S.ACTIVE),
    ServiceAction.CANCEL: Transition(
        frozenset({S.PENDING, S.ACTIVE, S.SUSPENDED, S.PAUSED}), S.CANCELLED
    ),
    ServiceAction.TERMINATE: Transition(frozenset({S.SUSPENDED, S.CANCELLED}), S.TERMINATED),
    # Not from ARCHIVED either: archiving is the resting place after an ending, and
    # terminated must stay final.
    ServiceAction.MARK_FRAUD: Transition(
        frozenset(set(S) - {S.TERMINATED, S.FRAUD, S.ARCHIVED}), S.FRAUD
    ),
    ServiceAction.ARCHIVE: Transition(
        frozenset({S.CANCELLED, S.TERMINATED, S.FRAUD}), S.ARCHIVED
    ),
    # Back from a cancellation while the data still exists (until termination), charged
    # as a renewal for a new period that starts on the day (seed 004).
    ServiceAction.REACTIVATE: Transition(frozenset({S.CANCELLED}), S.ACTIVE),
}

# What a customer may do to their own service; everything else is staff, app or system.
CUSTOMER_ACTIONS = frozenset({ServiceAction.PAUSE, ServiceAction.RESUME, ServiceAction.REACTIVATE})


def is_allowed(action: ServiceAction, status: str) -> bool:
    return status in TRANSITIONS[action].sources


def allowed_actions(status: str) -> list[ServiceAction]:
    return [action for action in ServiceAction if is_allowed(action, status)]


def target_status(action: ServiceAction, status: str) -> S:
    """The status `action` leads to from `status`, or a typed refusal."""
    transition = TRANSITIONS[action]
    if status not in transition.sources:
        raise ServiceError(
            ServiceErrorCode.INVALID_TRANSITION,
            f"Cannot {action.lower().replace('_', ' ')} a service that is "
            f"{S(status).label.lower()}.",
            field="status",
        )
    return transition.target
