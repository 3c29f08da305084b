import graphene

from ...editing import service_update
from ..ids import decode_id
from ..shared import JSON, Date, MetadataInput, PositiveDecimal
from ..types import Service
from .base import ServiceMutation

_FIELDS = {
    "domain": "domain",
    "next_due_date": "next_due_date",
    "recurring_amount": "recurring_amount",
    "server_hostname": "server_hostname",
    "username": "username",
    "password": "password",
    "package_name": "package_name",
    "options": "options",
}


class ServiceUpdateInput(graphene.InputObjectType):
    domain = graphene.String(description="Primary domain or label.")
    next_due_date = Date(description="The next due date (staff may move it either way).")
    recurring_amount = PositiveDecimal(description="Amount charged each renewal.")
    server_hostname = graphene.String()
    username = graphene.String()
    password = graphene.String(description="Provisioned password; stored encrypted.")
    package_name = graphene.String()
    options = JSON(description="Configurable options (replaces them).")
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Replaces the metadata.")
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Replaces the private metadata."
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
        changes = {field: input[key] for key, field in _FIELDS.items() if key in input}
        for key in ("metadata", "private_metadata"):
            if input.get(key) is not None:
                changes[key] = _as_map(input[key])
        service = service_update(
            service_id=decode_id(id, "Service"), actor=requestor.staff_actor, **changes
        )
        return cls(service=service, errors=[])
