"""Saleor as the package's host: Saleor's authentication, permissions, database routing,
GraphQL types, renewal checkouts and App."""

import contextlib

from saleor.core.db.connection import allow_writer, allow_writer_in_context
from saleor.core.exceptions import PermissionDenied
from saleor.graphql.app.dataloaders.utils import get_app_promise
from saleor.graphql.core.context import disallow_replica_in_context, get_database_connection_name
from saleor.permission.auth_filters import AuthorizationFilters
from saleor.permission.enums import OrderPermissions

from ..host import Requestor


class SaleorHost:
    @property
    def graphql_types(self):
        from . import graphql_types

        return graphql_types

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
        # Saleor's `context.user` is a lazy object that may wrap None (anonymous).
        user = getattr(context, "user", None)
        if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
            return Requestor()
        return Requestor(
            user=user,
            can_manage_services=user.is_staff and user.has_perm(OrderPermissions.MANAGE_ORDERS),
            is_staff=user.is_staff,
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

    def quantize_price(self, amount, currency):
        from saleor.core.prices import quantize_price

        return quantize_price(amount, currency)

    def task_writes(self):
        # Saleor's workers refuse writer access unless a task asks for it.
        return allow_writer()

    def service_fields(self) -> dict:
        from .graphql_fields import order_field, user_field

        return {"order": order_field(), "user": user_field()}

    def renewal_fields(self) -> dict:
        from .graphql_fields import renewal_checkout_field, renewal_order_field

        return {"checkout": renewal_checkout_field(), "order": renewal_order_field()}

    def variant_channel_prices(self, variant_channels):
        from .catalogue import variant_channel_prices

        return variant_channel_prices(variant_channels)

    def http_post(self, url, body, *, headers, timeout):
        import requests
        from saleor.core.http_client import HTTPClient

        try:
            response = HTTPClient.send_request(
                "POST", url, data=body, headers=headers, timeout=timeout, allow_redirects=False
            )
        except requests.RequestException as error:
            raise OSError(str(error)) from None
        return response.status_code, response.text[:1_000_000]

    def default_billing_path(self) -> str:
        return "saleor_services.saleor.renewal_checkouts.SaleorBilling"

    def automation_steps(self) -> dict:
        from .reconcile import reconcile

        return {"reconcile": reconcile}

    def install_app(self, *, public_url: str | None):
        from .app_install import install_app

        return install_app(public_url=public_url)

    def storefront_url_allowed(self, url):
        from django.core.exceptions import ValidationError
        from saleor.core.utils.url import validate_storefront_url

        try:
            validate_storefront_url(url)
        except ValidationError:
            return False
        return True

    def portal_root(self, request):
        from .plugin import ServicesPlugin

        return f"/plugins/global/{ServicesPlugin.PLUGIN_ID}/portal/"

    def authenticate_customer(self, request, *, email, password):
        from django.core.exceptions import ValidationError
        from saleor.account.throttling import authenticate_with_throttling

        try:
            user = authenticate_with_throttling(request, email, password)
        except ValidationError:  # throttled, or no client IP: refused like a wrong password
            return None
        return user if user is not None and user.is_active else None

    def absolute_url(self, request, path):
        from saleor.core.utils import build_absolute_uri

        return build_absolute_uri(path)
