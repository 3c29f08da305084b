"""What the caller may do to a service now, read from the transition table.

Staff may take every action the table allows from the service's status. The owner may
take the self-service actions the plan's portal settings allow: pause and resume,
requesting a cancellation (one open request at a time) and withdrawing it.
"""

from dataclasses import dataclass
from enum import StrEnum

from .billing.cycles import is_recurring
from .enums import CancellationRequestStatus
from .models import CancellationRequest, Service
from .transitions import ServiceAction, allowed_actions, is_allowed


class AvailableAction(StrEnum):
    ACTIVATE = ServiceAction.ACTIVATE.value
    SUSPEND = ServiceAction.SUSPEND.value
    UNSUSPEND = ServiceAction.UNSUSPEND.value
    PAUSE = ServiceAction.PAUSE.value
    RESUME = ServiceAction.RESUME.value
    CANCEL = ServiceAction.CANCEL.value
    TERMINATE = ServiceAction.TERMINATE.value
    MARK_FRAUD = ServiceAction.MARK_FRAUD.value
    ARCHIVE = ServiceAction.ARCHIVE.value
    REACTIVATE = ServiceAction.REACTIVATE.value
    REQUEST_CANCELLATION = "REQUEST_CANCELLATION"
    WITHDRAW_CANCELLATION = "WITHDRAW_CANCELLATION"


@dataclass(frozen=True)
class CustomerActions:
    can_pause: bool
    can_resume: bool
    can_cancel: bool
    can_withdraw_cancellation: bool
    can_reactivate: bool = False

    def as_list(self) -> list[AvailableAction]:
        flags = [
            (self.can_pause, AvailableAction.PAUSE),
            (self.can_resume, AvailableAction.RESUME),
            (self.can_cancel, AvailableAction.REQUEST_CANCELLATION),
            (self.can_withdraw_cancellation, AvailableAction.WITHDRAW_CANCELLATION),
            (self.can_reactivate, AvailableAction.REACTIVATE),
        ]
        return [action for allowed, action in flags if allowed]


def customer_actions(service: Service, open_request: CancellationRequest | None) -> CustomerActions:
    """The owner's self-service actions; `service.plan` must be loaded."""
    plan = service.plan
    return CustomerActions(
        can_pause=plan.allow_pause and is_allowed(ServiceAction.PAUSE, service.status),
        can_resume=plan.allow_pause and is_allowed(ServiceAction.RESUME, service.status),
        can_cancel=(
            plan.allow_cancel
            and open_request is None
            and is_allowed(ServiceAction.CANCEL, service.status)
        ),
        can_withdraw_cancellation=(
            open_request is not None and open_request.status == CancellationRequestStatus.PENDING
        ),
        can_reactivate=(
            plan.allow_reactivation
            and is_recurring(service.billing_cycle)
            and is_allowed(ServiceAction.REACTIVATE, service.status)
        ),
    )


def staff_actions(service: Service) -> list[AvailableAction]:
    return [AvailableAction(action.value) for action in allowed_actions(service.status)]


def service_available_actions(
    service: Service, *, open_request: CancellationRequest | None, staff: bool
) -> list[AvailableAction]:
    if staff:
        return staff_actions(service)
    return customer_actions(service, open_request).as_list()
