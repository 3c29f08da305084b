"""The renewal's own lifecycle: which action moves a renewal from where to where.

OPEN ──pay──▶ PAID ──refund (part)──▶ PARTIALLY_REFUNDED ──refund (rest)──▶ REFUNDED
  │                └──refund (all)──────────────────────────────────────────▶ REFUNDED
  ├──void──▶ VOID        (service cancelled, terminated, fraud or paused; plan change)
  └──fail──▶ FAILED ──reopen──▶ OPEN   (no payable document could be made)
"""

from dataclasses import dataclass
from enum import StrEnum

from ..enums import RenewalStatus as R
from ..enums import ServiceEventType
from ..errors import ServiceError, ServiceErrorCode


class RenewalAction(StrEnum):
    PAY = "PAY"
    VOID = "VOID"
    FAIL = "FAIL"
    REOPEN = "REOPEN"
    REFUND_PART = "REFUND_PART"
    REFUND_ALL = "REFUND_ALL"


@dataclass(frozen=True)
class RenewalTransition:
    sources: frozenset[R]
    target: R
    event_type: ServiceEventType


RENEWAL_TRANSITIONS: dict[RenewalAction, RenewalTransition] = {
    RenewalAction.PAY: RenewalTransition(frozenset({R.OPEN}), R.PAID, ServiceEventType.RENEWAL_PAID),
    RenewalAction.VOID: RenewalTransition(
        frozenset({R.OPEN, R.FAILED}), R.VOID, ServiceEventType.RENEWAL_VOIDED
    ),
    RenewalAction.FAIL: RenewalTransition(
        frozenset({R.OPEN}), R.FAILED, ServiceEventType.RENEWAL_FAILED
    ),
    RenewalAction.REOPEN: RenewalTransition(
        frozenset({R.FAILED}), R.OPEN, ServiceEventType.RENEWAL_REOPENED
    ),
    RenewalAction.REFUND_PART: RenewalTransition(
        frozenset({R.PAID, R.PARTIALLY_REFUNDED}),
        R.PARTIALLY_REFUNDED,
        ServiceEventType.RENEWAL_PARTIALLY_REFUNDED,
    ),
    RenewalAction.REFUND_ALL: RenewalTransition(
        frozenset({R.PAID, R.PARTIALLY_REFUNDED}), R.REFUNDED, ServiceEventType.RENEWAL_REFUNDED
    ),
}

# Renewals that still ask the customer for money.
PAYABLE = frozenset({R.OPEN})
# Renewals that hold (or held) the customer's money for their period.
SETTLED = frozenset({R.PAID, R.PARTIALLY_REFUNDED})
# Renewals that give their period back: it may be billed again by a new renewal.
PERIOD_RELEASED = frozenset({R.VOID, R.REFUNDED})


def renewal_is_allowed(action: RenewalAction, status: str) -> bool:
    return status in RENEWAL_TRANSITIONS[action].sources


def renewal_target(action: RenewalAction, status: str) -> RenewalTransition:
    """The transition `action` takes from `status`, or a typed refusal."""
    transition = RENEWAL_TRANSITIONS[action]
    if status not in transition.sources:
        raise ServiceError(
            ServiceErrorCode.INVALID_TRANSITION,
            f"Cannot {action.lower().replace('_', ' ')} a renewal that is "
            f"{R(status).label.lower()}.",
            field="status",
        )
    return transition
