"""Bulk staff actions: each service that cannot move is reported by id; the rest move."""

import graphene

from ...errors import ServiceError as DomainError
from ...errors import ServiceErrorCode
from ...lifecycle import services_bulk_transition
from ...transitions import ServiceAction
from ...validation import MAX_BULK_IDS
from ..errors import error_from
from ..ids import decode_id
from ..limits import REASON_BOUND
from ..types import Service
from .base import mutation_class

MAX_BULK = MAX_BULK_IDS


def _bulk_mutation(name: str, action: ServiceAction, *, description: str, reason: bool):
    arguments = {
        "ids": graphene.List(
            graphene.NonNull(graphene.ID), required=True, description=f"At most {MAX_BULK} services."
        )
    }
    if reason:
        arguments["reason"] = graphene.String(
            description="Why; shown in each activity log." + REASON_BOUND
        )

    def perform(cls, info, requestor, ids, **data):
        if len(ids) > MAX_BULK:
            refusal = DomainError(
                ServiceErrorCode.LIMIT_EXCEEDED, f"At most {MAX_BULK} ids a call.", field="ids"
            )
            return cls(count=0, services=[], errors=[error_from(refusal)])
        errors, targets = [], {}
        for raw_id in dict.fromkeys(ids):
            try:
                targets[decode_id(raw_id, "Service", field="ids")] = raw_id
            except DomainError as error:
                errors.append(error_from(error, service_id=raw_id))
        moved, refused = services_bulk_transition(
            service_ids=list(targets), action=action, actor=requestor.staff_actor, **data
        )
        errors += [error_from(error, service_id=targets[pk]) for pk, error in refused.items()]
        return cls(count=len(moved), services=moved, errors=errors)

    return mutation_class(
        name,
        arguments=arguments,
        description=description + " Requires MANAGE_ORDERS.",
        perform=perform,
        count=graphene.Int(required=True, description="How many services moved."),
        services=graphene.List(graphene.NonNull(Service), required=True),
    )


ServiceBulkSuspend = _bulk_mutation(
    "ServiceBulkSuspend", ServiceAction.SUSPEND, description="Suspend services.", reason=True
)
ServiceBulkUnsuspend = _bulk_mutation(
    "ServiceBulkUnsuspend", ServiceAction.UNSUSPEND, description="Unsuspend services.", reason=False
)
ServiceBulkTerminate = _bulk_mutation(
    "ServiceBulkTerminate", ServiceAction.TERMINATE, description="Terminate services.", reason=True
)
