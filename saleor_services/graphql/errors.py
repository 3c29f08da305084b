"""The error shape of every mutation: `errors: [ServiceError!]!` as Saleor's are."""

import graphene
from graphene.utils.str_converters import to_camel_case
from graphql import GraphQLError

from ..errors import ServiceErrorCode as DomainErrorCode

ServiceErrorCode = graphene.Enum(
    "ServiceErrorCode", [(code.name, code.value) for code in DomainErrorCode]
)


class ServiceError(graphene.ObjectType):
    field = graphene.String(
        description=(
            "Name of a field that caused the error. A value of `null` indicates that the "
            "error isn't associated with a particular field."
        )
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(ServiceErrorCode, description="The error code.", required=True)
    service_id = graphene.ID(
        description="The service the error is about, in bulk mutations."
    )

    class Meta:
        description = "Represents errors in service mutations."


def error_from(exception, *, service_id: str | None = None) -> dict:
    """The API's error for a domain refusal; the domain names its fields as the model
    does, the API as the schema does (the one place the names are mapped)."""
    return {
        "field": to_camel_case(exception.field) if exception.field else None,
        "message": exception.message,
        "code": exception.code.value,
        "service_id": service_id,
    }


class ServiceGraphQLError(GraphQLError):
    """A typed refusal outside a mutation's `errors` (a query field, a request limit).

    Its code is `extensions.code` in both hosts: a `ServiceErrorCode` value or a limit's
    code (limits.py). Saleor adds `extensions.exception.code` (the class name) itself.
    """

    def __init__(self, message: str, *, code: str, nodes=None):
        # A dict of its own: Saleor's error formatter writes into it.
        super().__init__(message, nodes=nodes, extensions={"code": str(code)})
        self.code = str(code)
