"""Saleor as the API's host: Saleor's user JWT or app token, and MANAGE_ORDERS."""

import contextlib

from saleor.core.db.connection import allow_writer, allow_writer_in_context
from saleor.core.exceptions import PermissionDenied
from saleor.graphql.core.context import disallow_replica_in_context, get_database_connection_name
from saleor.graphql.app.dataloaders.utils import get_app_promise
from saleor.permission.auth_filters import AuthorizationFilters
from saleor.permission.enums import OrderPermissions

from ..graphql.host import Requestor


class SaleorHost:
    def requestor(self, context) -> Requestor:
        # Permissions of a Dashboard (third-party) token are read lazily from the
        # permission table; allow that one read on the writer, as Saleor's own checks do.
        with allow_writer():
            return self._requestor(context)

    def _requestor(self, context) -> Requestor:
        app = get_app_promise(context).get()
        if app is not None:
            return Requestor(
                app=app,
                can_manage_services=app.is_active and app.has_perm(OrderPermissions.MANAGE_ORDERS),
            )
        user = context.user
        if user is None or not user.is_authenticated or not user.is_active:
            return Requestor()
        return Requestor(
            user=user,
            can_manage_services=user.is_staff and user.has_perm(OrderPermissions.MANAGE_ORDERS),
        )

    def permission_denied(self, *, staff: bool) -> Exception:
        if staff:
            return PermissionDenied(permissions=[OrderPermissions.MANAGE_ORDERS])
        return PermissionDenied(permissions=[AuthorizationFilters.AUTHENTICATED_USER])

    def read_alias(self, context) -> str:
        return get_database_connection_name(context)

    def reading(self, context):
        return allow_writer_in_context(context)

    @contextlib.contextmanager
    def mutating(self, context):
        # As Saleor's own mutations: write to the writer, then read the payload from it.
        with allow_writer():
            disallow_replica_in_context(context)
            yield
