import graphene

from ... import cancellation
from ..auth import actor_for
from ..enums import ServiceCancellationTypeEnum
from ..ids import decode_id
from ..limits import REASON_BOUND
from ..types import Service, ServiceCancellationRequest
from .base import ServiceMutation, mutation_class


class ServiceCancellationRequestCreateInput(graphene.InputObjectType):
    type = ServiceCancellationTypeEnum(required=True, description="Immediately or at period end.")
    reason = graphene.String(required=True, description="Why the customer leaves." + REASON_BOUND)
    password = graphene.String(
        description=(
            "The customer's password, to confirm (throttled as sign-in is: too many wrong "
            "ones give CONFIRMATION_DELAYED)."
        )
    )
    sign_in_token = graphene.String(
        description=(
            "For customers without a password (social or OpenID sign-in): proof of a recent "
            "sign-in, at most CONFIRMATION_SIGN_IN_MINUTES old (inside Saleor the refresh "
            "token of that sign-in; read from the refreshToken cookie when omitted). Older: "
            "SIGN_IN_REQUIRED."
        )
    )


class ServiceCancellationRequestCreate(ServiceMutation):
    cancellation_request = graphene.Field(ServiceCancellationRequest)
    service = graphene.Field(Service)
    staff_only = False

    class Arguments:
        id = graphene.ID(required=True, description="ID of the service.")
        input = ServiceCancellationRequestCreateInput(required=True)

    class Meta:
        description = (
            "Request cancellation of a service. Customers confirm with their password (or, "
            "without one, a recent sign-in); "
            "the plan decides whether staff review it or it is approved at once."
        )

    @classmethod
    def perform(cls, info, requestor, id, input):
        request = cancellation.cancellation_request_create(
            service_id=decode_id(id, "Service"),
            actor=actor_for(requestor),
            type=input["type"],
            reason=input["reason"],
            password=input.get("password"),
            sign_in_token=input.get("sign_in_token"),
            request=info.context,
        )
        request.service.refresh_from_db()
        return cls(cancellation_request=request, service=request.service, errors=[])


def _decision_mutation(name: str, decide, *, description: str, staff_only: bool, note: bool):
    arguments = {"id": graphene.ID(required=True, description="ID of the cancellation request.")}
    if note:
        arguments["note"] = graphene.String(description="Why; shown to the customer." + REASON_BOUND)

    def perform(cls, info, requestor, id, **data):
        request = decide(
            request_id=decode_id(id, "ServiceCancellationRequest"),
            actor=actor_for(requestor),
            **data,
        )
        return cls(cancellation_request=request, errors=[])

    return mutation_class(
        name,
        arguments=arguments,
        description=description,
        perform=perform,
        cancellation_request=graphene.Field(ServiceCancellationRequest),
        staff_only=staff_only,
    )


ServiceCancellationRequestWithdraw = _decision_mutation(
    "ServiceCancellationRequestWithdraw",
    cancellation.cancellation_request_withdraw,
    description="Withdraw a pending cancellation request.",
    staff_only=False,
    note=False,
)
ServiceCancellationRequestApprove = _decision_mutation(
    "ServiceCancellationRequestApprove",
    cancellation.cancellation_request_approve,
    description="Approve a pending request; it takes effect on its date. Requires MANAGE_ORDERS.",
    staff_only=True,
    note=True,
)
ServiceCancellationRequestReject = _decision_mutation(
    "ServiceCancellationRequestReject",
    cancellation.cancellation_request_reject,
    description="Reject a pending request; the service goes on. Requires MANAGE_ORDERS.",
    staff_only=True,
    note=True,
)
