"""Which self-service actions a customer may take now (what the portal shows)."""

from dataclasses import dataclass

from .models import CancellationRequest, Service
from .transitions import ServiceAction, is_allowed
from .enums import CancellationRequestStatus


@dataclass(frozen=True)
class CustomerActions:
    can_pause: bool
    can_resume: bool
    can_cancel: bool
    can_withdraw_cancellation: bool


def customer_actions(service: Service, open_request: CancellationRequest | None) -> CustomerActions:
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
    )
