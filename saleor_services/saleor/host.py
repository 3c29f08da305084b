"""Saleor as the package's host: Saleor's authentication, permissions, database routing,
GraphQL types, renewal checkouts and App."""

import contextlib

from saleor.core.db.connection import allow_writer, allow_writer_in_context
from saleor.core.exceptions import PermissionDenied
from saleor.graphql.account.dataloaders import (
    AccessibleChannelsByUserIdLoader,
    RestrictedChannelAccessByUserIdLoader,
)
from saleor.graphql.app.dataloaders.utils import get_app_promise
from saleor.graphql.core.context import disallow_replica_in_context, get_database_connection_name
from saleor.permission.auth_filters import AuthorizationFilters
from saleor.permission.enums import OrderPermissions

from ..host import PasswordCheck, Requestor


def _accessible_channel_slugs(context, user) -> frozenset[str] | None:
    """As Saleor's order resolvers (`get_user_accessible_channels`): staff whose groups
    are all restricted to channels reach those channels; None when any group is not
    restricted (then services of a channel since renamed or removed stay reachable).
    A superuser holds every permission, so every channel, even in no group (Saleor's
    `createsuperuser` puts them in none)."""
    if user.is_superuser or not RestrictedChannelAccessByUserIdLoader(context).load(user.id).get():
        return None
    return frozenset(channel.slug for channel in AccessibleChannelsByUserIdLoader(context).load(user.id).get())


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
        can_manage = user.is_staff and user.has_perm(OrderPermissions.MANAGE_ORDERS)
        return Requestor(
            user=user,
            can_manage_services=can_manage,
            is_staff=user.is_staff,
            # Only staff acting as staff are narrowed (others see their own services).
            channel_slugs=_accessible_channel_slugs(context, user) if can_manage else None,
        )

    def permission_denied(self, *, staff: bool) -> Exception:
        if staff:
            return PermissionDenied(permissions=[OrderPermissions.MANAGE_ORDERS])
        return PermissionDenied(permissions=[AuthorizationFilters.AUTHENTICATED_USER])

    def check_password(self, request, *, user, password):
        # Saleor's own login throttling, so these attempts and tokenCreate's share one
        # count per address (and per address and user) and one block.
        from django.core.exceptions import ValidationError
        from saleor.account.throttling import authenticate_with_throttling

        if request is None:  # called outside a request: no address to throttle by
            return PasswordCheck.CORRECT if user.check_password(password) else PasswordCheck.INCORRECT
        try:
            signed_in = authenticate_with_throttling(request, user.email, password)
        except ValidationError:  # LOGIN_ATTEMPT_DELAYED or UNKNOWN_IP_ADDRESS
            return PasswordCheck.DELAYED
        return PasswordCheck.CORRECT if signed_in is not None and signed_in.pk == user.pk else PasswordCheck.INCORRECT

    def signed_in_at(self, request, *, user, sign_in_token):
        # Access tokens are re-issued silently every few minutes; a refresh token only
        # at a sign-in (tokenCreate, externalObtainAccessTokens), so its `iat` is when
        # the customer last signed in.
        import datetime

        import jwt
        from saleor.core.jwt import JWT_REFRESH_TOKEN_COOKIE_NAME, JWT_REFRESH_TYPE, jwt_decode

        token = sign_in_token or getattr(request, "COOKIES", {}).get(JWT_REFRESH_TOKEN_COOKIE_NAME)
        if not token:
            return None
        try:
            payload = jwt_decode(token)
        except jwt.PyJWTError:
            return None
        if (
            payload.get("type") != JWT_REFRESH_TYPE
            or payload.get("email") != user.email
            or payload.get("token") != user.jwt_token_key
            or not isinstance(payload.get("iat"), int | float)
        ):
            return None
        return datetime.datetime.fromtimestamp(payload["iat"], tz=datetime.UTC)

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

    def reading_latest(self, context):
        # The domain reads the default connection; Saleor refuses that unless allowed.
        return self.mutating(context)

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

    def catalogue_variants(self, *, search, first, using="default"):
        from .catalogue import catalogue_variants

        return catalogue_variants(search=search, first=first, using=using)

    def catalogue_names(self, *, variant_ids, product_ids, using="default"):
        from .catalogue import catalogue_names

        return catalogue_names(variant_ids=variant_ids, product_ids=product_ids, using=using)

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

    def stored_settings(self) -> dict:
        from .plugin_config import saved_configuration

        return saved_configuration()

    def send_email(self, email) -> None:
        from .notify import deliver

        deliver(email)

    def staff_alert_recipients(self) -> list:
        from .notify import staff_notification_recipients

        return staff_notification_recipients()

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

    def portal_public_url(self):
        # PUBLIC_URL (or the Site's domain): what Saleor builds its own e-mail links from.
        return self.absolute_url(None, self.portal_root(None))
