"""Saleor as the API's host: Saleor's user JWT or app token, and MANAGE_ORDERS."""

from saleor.core.exceptions import PermissionDenied
from saleor.graphql.app.dataloaders.utils import get_app_promise
from saleor.permission.enums import AuthorizationFilters, OrderPermissions

from ..graphql.host import Requestor


class SaleorHost:
    def requestor(self, context) -> Requestor:
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
