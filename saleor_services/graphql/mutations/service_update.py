import graphene

from ...service_details import service_update
from ..ids import decode_id
from ..limits import LABEL_BOUND, METADATA_BOUND, OPTIONS_BOUND, PASSWORD_BOUND
from ..shared import JSON, Date, MetadataInput, PositiveDecimal
from ..types import Service
from .base import ServiceMutation


class ServiceUpdateInput(graphene.InputObjectType):
    domain = graphene.String(description="Primary domain or label." + LABEL_BOUND)
    next_due_date = Date(description="The next due date (staff may move it either way).")
    recurring_amount = PositiveDecimal(description="Amount charged each renewal.")
    server_hostname = graphene.String(description="The server's host name." + LABEL_BOUND)
    username = graphene.String(description="Provisioned user name." + LABEL_BOUND)
    password = graphene.String(description="Provisioned password; stored encrypted." + PASSWORD_BOUND)
    package_name = graphene.String(description="The hosting package." + LABEL_BOUND)
    options = JSON(description="Configurable options (replaces them)." + OPTIONS_BOUND)
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Replaces the metadata." + METADATA_BOUND
    )
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Replaces the private metadata." + METADATA_BOUND
    )


def _as_map(items) -> dict:
    return {item["key"]: item["value"] for item in items}


class ServiceUpdate(ServiceMutation):
    service = graphene.Field(Service)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the service.")
        input = ServiceUpdateInput(required=True)

    class Meta:
        description = "Edit a service's details. Requires MANAGE_ORDERS."

    @classmethod
    def perform(cls, info, requestor, id, input):
        # Input fields are named as the domain's arguments; metadata lists become maps.
        changes = dict(input)
        for key in ("metadata", "private_metadata"):
            items = changes.pop(key, None)
            if items is not None:
                changes[key] = _as_map(items)
        service = service_update(
            service_id=decode_id(id, "Service"), actor=requestor.staff_actor, **changes
        )
        return cls(service=service, errors=[])
