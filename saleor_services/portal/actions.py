"""The portal's actions: the domain functions the GraphQL API calls, with the customer as
the actor. Nothing here decides a business rule; refusals come back as ServiceError."""

from .. import lifecycle
from ..actors import Actor
from ..billing.plan_changes import service_change_plan
from ..cancellation import cancellation_request_create, cancellation_request_withdraw
from ..errors import ServiceError, ServiceErrorCode
from ..selectors import open_cancellation_requests


def request_cancellation(*, user, service_id: int, type: str, reason: str, password: str, request):
    """The one place the portal asks for a cancellation with the customer's confirmation
    (the domain's rules, `confirmation.py`). The request goes along so the password is
    checked under the host's login throttling, as the API's is."""
    return cancellation_request_create(
        service_id=service_id, actor=Actor.customer(user), type=type, reason=reason, password=password,
        request=request,
    )


def withdraw_cancellation(*, user, service_id: int):
    request = open_cancellation_requests(service_ids=[service_id]).get(service_id)
    if request is None:  # someone else's request is refused by the domain just the same
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Cancellation request not found.", field="id")
    return cancellation_request_withdraw(request_id=request.pk, actor=Actor.customer(user))


def pause(*, user, service_id: int, resume_on=None):
    return lifecycle.service_pause(service_id=service_id, actor=Actor.customer(user), resume_on=resume_on)


def resume(*, user, service_id: int):
    return lifecycle.service_resume(service_id=service_id, actor=Actor.customer(user))


def reactivate(*, user, service_id: int):
    return lifecycle.service_reactivate(service_id=service_id, actor=Actor.customer(user))


def change_plan(*, user, service_id: int, plan_id: int):
    return service_change_plan(service_id=service_id, target_plan_id=plan_id, actor=Actor.customer(user))
