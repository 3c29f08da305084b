import graphene
from graphene import relay

from ... import models
from .. import limits
from ..dataloaders import ServiceByIdLoader
from ..enums import (
    ServiceActorTypeEnum,
    ServiceCancellationRequestStatusEnum,
    ServiceCancellationTypeEnum,
)
from ..shared import Date, DateTime
from ..visibility import row_of_visible_service


class ServiceCancellationRequest(graphene.ObjectType):
    service = graphene.Field("saleor_services.graphql.types.service.Service", required=True)
    type = ServiceCancellationTypeEnum(required=True)
    reason = graphene.String(required=True)
    status = ServiceCancellationRequestStatusEnum(required=True)
    effective_date = Date(required=True, description="When the cancellation takes effect.")
    requested_by_type = ServiceActorTypeEnum(required=True)
    decided_by_type = ServiceActorTypeEnum()
    decision_note = graphene.String(required=True)
    decided_at = DateTime()
    created_at = DateTime(required=True)
    updated_at = DateTime(required=True)

    class Meta:
        interfaces = [relay.Node]
        description = "A request to cancel a service, reviewed by staff or approved by the plan."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.CancellationRequest)

    @classmethod
    def get_node(cls, info, pk):
        return row_of_visible_service(info, models.CancellationRequest, pk)

    @staticmethod
    def resolve_service(root, info):
        limits.check_recursion(info)  # service → cancellationRequest → service …
        return ServiceByIdLoader(info.context).load(root.service_id)

    @staticmethod
    def resolve_decided_by_type(root, _info):
        return root.decided_by_type or None


