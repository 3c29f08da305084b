import graphene

from ...provisioning.outcome import service_provisioning_retry
from ..ids import decode_id
from ..types import Service
from .base import ServiceMutation


class ServiceProvisioningRetry(ServiceMutation):
    service = graphene.Field(Service)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the service.")

    class Meta:
        description = "Provision a pending service again after a failure. Requires MANAGE_ORDERS."

    @classmethod
    def perform(cls, info, requestor, id):
        service = service_provisioning_retry(service_id=decode_id(id, "Service"), actor=requestor.staff_actor)
        return cls(service=service, errors=[])
