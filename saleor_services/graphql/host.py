"""What the API needs from its host: who is asking, and how to refuse them.

Inside Saleor, Saleor's authentication (user JWT, app tokens) and MANAGE_ORDERS
decide; elsewhere the Django user and SALEOR_SERVICES['STAFF_PERMISSION'] do.
"""

import contextlib
import functools
from dataclasses import dataclass
from typing import Any, Protocol

from django.apps import apps

from ..actors import Actor
from ..conf import get_settings

MANAGE_ORDERS = "MANAGE_ORDERS"


@dataclass(frozen=True)
class Requestor:
    user: Any = None  # an authenticated, active user
    app: Any = None
    can_manage_services: bool = False

    @property
    def staff_actor(self) -> Actor:
        return Actor.app(self.app.pk) if self.app is not None else Actor.staff(self.user)

    @property
    def customer_actor(self) -> Actor:
        return Actor.customer(self.user)


class PermissionDenied(Exception):
    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or f"To access this path, you need one of the following permissions: {MANAGE_ORDERS}"
        )


class GraphQLHost(Protocol):
    def requestor(self, context) -> Requestor: ...

    def permission_denied(self, *, staff: bool) -> Exception: ...

    def read_alias(self, context) -> str:
        """The database connection reads of this request go to (a replica, in Saleor)."""

    def reading(self, context) -> contextlib.AbstractContextManager:
        """Wraps reads, allowing the writer where the request reads from it."""

    def mutating(self, context) -> contextlib.AbstractContextManager:
        """Wraps a mutation: writes allowed, later reads from the writer."""


class DjangoHost:
    """Any Django project: the request's user; staff need STAFF_PERMISSION if set."""

    def requestor(self, context) -> Requestor:
        user = getattr(context, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return Requestor()
        permission = get_settings().STAFF_PERMISSION
        can_manage = user.is_staff and (permission is None or user.has_perm(permission))
        return Requestor(user=user, can_manage_services=can_manage)

    def permission_denied(self, *, staff: bool) -> Exception:
        if staff:
            return PermissionDenied()
        return PermissionDenied("You need to be signed in to access your services.")

    def read_alias(self, context) -> str:
        return "default"

    def reading(self, context):
        return contextlib.nullcontext()

    def mutating(self, context):
        return contextlib.nullcontext()


@functools.cache
def get_host() -> GraphQLHost:
    if apps.is_installed("saleor.graphql"):
        from ..saleor.graphql_host import SaleorHost

        return SaleorHost()
    return DjangoHost()


def requestor_from(info) -> Requestor:
    """The requestor of this request, resolved once per request."""
    context = info.context
    cached = getattr(context, "_saleor_services_requestor", None)
    if cached is None:
        cached = get_host().requestor(context)
        context._saleor_services_requestor = cached
    return cached


def read_alias(info) -> str:
    return get_host().read_alias(info.context)
