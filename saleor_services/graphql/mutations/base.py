import graphene

from ...errors import ServiceError as DomainError
from ...host import get_host
from ..auth import require_signed_in, require_staff
from ..errors import ServiceError, error_from
from ..visibility import refused_as_not_visible


class ServiceMutation(graphene.Mutation):
    """Authorise first (a permission error for the wrong caller), then act; a typed
    refusal of the domain comes back in `errors` with nothing changed."""

    errors = graphene.List(graphene.NonNull(ServiceError), required=True)

    staff_only = True

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root, info, **data):
        with get_host().mutating(info.context):
            requestor = require_staff(info) if cls.staff_only else require_signed_in(info)
            try:
                return cls.perform(info, requestor, **data)
            except DomainError as error:
                refusal = refused_as_not_visible(info, error)
                if refusal is not None:
                    raise refusal from None
                return cls(errors=[error_from(error)])

    @classmethod
    def perform(cls, info, requestor, **data):
        raise NotImplementedError


def mutation_class(name: str, *, arguments: dict, description: str, perform, **attributes):
    """A ServiceMutation built from parts, for families of near-identical mutations."""
    return type(
        name,
        (ServiceMutation,),
        {
            "Arguments": type("Arguments", (), arguments),
            "Meta": type("Meta", (), {"description": description}),
            "perform": classmethod(perform),
            **attributes,
        },
    )
