"""Staff lifecycle actions, one mutation each, and the customer's pause / resume."""

import graphene

from ... import lifecycle
from ..auth import actor_for
from ..ids import decode_id
from ..limits import REASON_BOUND
from ..shared import Date
from ..types import Service
from .base import ServiceMutation, mutation_class


def _action_mutation(name: str, action, *, description: str, reason: bool = False):
    arguments = {"id": graphene.ID(required=True, description="ID of the service.")}
    if reason:
        arguments["reason"] = graphene.String(description="Why; shown in the activity log." + REASON_BOUND)

    def perform(cls, info, requestor, id, **data):
        service = action(service_id=decode_id(id, "Service"), actor=requestor.staff_actor, **data)
        return cls(service=service, errors=[])

    return mutation_class(
        name,
        arguments=arguments,
        description=description + " Requires MANAGE_ORDERS.",
        perform=perform,
        service=graphene.Field(Service),
    )


ServiceActivate = _action_mutation(
    "ServiceActivate", lifecycle.service_activate, description="Activate a pending service."
)
ServiceSuspend = _action_mutation(
    "ServiceSuspend", lifecycle.service_suspend, description="Suspend an active service.", reason=True
)
ServiceUnsuspend = _action_mutation(
    "ServiceUnsuspend", lifecycle.service_unsuspend, description="Reactivate a suspended service."
)
ServiceCancel = _action_mutation(
    "ServiceCancel", lifecycle.service_cancel, description="Cancel a service now.", reason=True
)
ServiceTerminate = _action_mutation(
    "ServiceTerminate",
    lifecycle.service_terminate,
    description="Terminate a suspended or cancelled service for good (credentials are removed).",
    reason=True,
)
ServiceMarkFraud = _action_mutation(
    "ServiceMarkFraud", lifecycle.service_mark_fraud, description="Mark a service as fraud.", reason=True
)
ServiceArchive = _action_mutation(
    "ServiceArchive",
    lifecycle.service_archive,
    description="Archive an ended service (hidden from default lists).",
)


class ServicePause(ServiceMutation):
    service = graphene.Field(Service)
    staff_only = False

    class Arguments:
        id = graphene.ID(required=True, description="ID of the service.")
        resume_on = Date(description="Resume by itself on this date.")

    class Meta:
        description = "Pause a service (customers: when the plan allows). No renewals while paused."

    @classmethod
    def perform(cls, info, requestor, id, resume_on=None):
        service = lifecycle.service_pause(
            service_id=decode_id(id, "Service"), actor=actor_for(requestor), resume_on=resume_on
        )
        return cls(service=service, errors=[])


class ServiceReactivate(ServiceMutation):
    service = graphene.Field(Service)
    staff_only = False

    class Arguments:
        id = graphene.ID(required=True, description="ID of the service.")

    class Meta:
        description = (
            "Bring a cancelled service back before it is terminated (customers: when the plan "
            "allows it). A new period starts today and its renewal is issued to pay."
        )

    @classmethod
    def perform(cls, info, requestor, id):
        service = lifecycle.service_reactivate(service_id=decode_id(id, "Service"), actor=actor_for(requestor))
        return cls(service=service, errors=[])


class ServiceResume(ServiceMutation):
    service = graphene.Field(Service)
    staff_only = False

    class Arguments:
        id = graphene.ID(required=True, description="ID of the service.")

    class Meta:
        description = "Resume a paused service; its due date moves on by the paused days."

    @classmethod
    def perform(cls, info, requestor, id):
        service = lifecycle.service_resume(
            service_id=decode_id(id, "Service"), actor=actor_for(requestor)
        )
        return cls(service=service, errors=[])
