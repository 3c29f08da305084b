"""The standalone host: Django's users stand in for Saleor's, for tests and the demo.

Staff are Django staff users holding `standalone.manage_orders` (the stand-in for
Saleor's MANAGE_ORDERS), restricted to channels by a `StaffChannelRestriction` row (the
stand-in for Saleor's channel-restricted permission groups); apps are `standalone.App`
rows signed in with an app token; customers are the other signed-in users.
"""

import contextlib
from decimal import Decimal

from django.db.models import Q

MANAGE_ORDERS = "MANAGE_ORDERS"
STAFF_PERMISSION = "standalone.manage_orders"


class PermissionDenied(Exception):
    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or f"To access this path, you need one of the following permissions: {MANAGE_ORDERS}"
        )


def _channel_slugs(user) -> frozenset[str] | None:
    from .models import StaffChannelRestriction

    try:
        restriction = user.channel_restriction
    except StaffChannelRestriction.DoesNotExist:
        return None
    return frozenset(restriction.channel_slugs)


class StandaloneHost:
    @property
    def graphql_types(self):
        from . import graphql_types

        return graphql_types

    def requestor(self, context):
        from saleor_services.host import Requestor

        app = getattr(context, "app", None)
        if app is not None:
            return Requestor(app=app, can_manage_services=app.is_active and app.manage_orders)
        user = getattr(context, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return Requestor()
        can_manage = user.is_staff and user.has_perm(STAFF_PERMISSION)
        return Requestor(
            user=user,
            can_manage_services=can_manage,
            is_staff=user.is_staff,
            channel_slugs=_channel_slugs(user) if can_manage else None,
        )

    def check_password(self, request, *, user, password):
        from saleor_services.host import PasswordCheck

        from .throttling import check_password_throttled

        correct = check_password_throttled(request, user, password)
        if correct is None:
            return PasswordCheck.DELAYED
        return PasswordCheck.CORRECT if correct else PasswordCheck.INCORRECT

    def signed_in_at(self, request, *, user, sign_in_token):
        # This host's tokens are issued only at sign-in: their `iat` is when it was.
        import datetime

        from .auth import token_payload

        token = sign_in_token or getattr(request, "bearer_token", None)
        payload = token_payload(token) if token else None
        if payload is None or payload.get("user_id") != user.pk or not isinstance(payload.get("iat"), int):
            return None
        return datetime.datetime.fromtimestamp(payload["iat"], tz=datetime.UTC)

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

    def reading_latest(self, context):
        return contextlib.nullcontext()

    def quantize_price(self, amount, currency):
        # As Saleor's saleor.core.prices.quantize_price: babel's precision, the
        # decimal context's rounding.
        from babel.numbers import get_currency_precision

        return amount.quantize(Decimal(10) ** -get_currency_precision(currency))

    def task_writes(self):
        return contextlib.nullcontext()

    def service_fields(self) -> dict:
        return {}

    def renewal_fields(self) -> dict:
        return {}

    def variant_channel_prices(self, variant_channels):
        # The stand-in catalogue's prices (the demo seeds it; tests mostly leave it empty).
        from .models import CatalogueVariant

        if not variant_channels:
            return {}
        variants = CatalogueVariant.objects.in_bulk(
            {variant for variant, _ in variant_channels}, field_name="variant_id"
        )
        found = {}
        for variant_id, slug in variant_channels:
            price = variants[variant_id].channel_prices.get(slug) if variant_id in variants else None
            if price is not None:
                found[variant_id, slug] = (Decimal(price["amount"]), price["currency"])
        return found

    def catalogue_variants(self, *, search, first, using="default"):
        from saleor_services.host import CatalogueChannelPrice
        from saleor_services.host import CatalogueVariant as Variant

        from .models import CatalogueVariant

        variants = CatalogueVariant.objects.using(using)
        for word in (search or "").split():  # every word, in the product, variant or SKU
            variants = variants.filter(
                Q(product_name__icontains=word) | Q(name__icontains=word) | Q(sku__icontains=word)
            )
        return [
            Variant(
                variant_id=variant.variant_id,
                product_id=variant.product_id,
                product_name=variant.product_name,
                name=variant.name,
                sku=variant.sku or None,
                prices=tuple(
                    CatalogueChannelPrice(slug, Decimal(price["amount"]), price["currency"])
                    for slug, price in sorted(variant.channel_prices.items())
                ),
            )
            for variant in variants.order_by("product_name", "product_id", "name", "variant_id")[:first]
        ]

    def catalogue_names(self, *, variant_ids, product_ids, using="default"):
        from saleor_services.host import CatalogueNames

        from .models import CatalogueVariant

        rows = CatalogueVariant.objects.using(using).filter(
            Q(variant_id__in=variant_ids) | Q(product_id__in=product_ids)
        ).values_list("variant_id", "product_id", "product_name", "name")
        variants, products = {}, {}
        for variant_id, product_id, product_name, name in rows:
            if variant_id in variant_ids:
                variants[variant_id] = (product_name, name)
            products[product_id] = product_name
        return CatalogueNames(
            variants=variants, products={pk: name for pk, name in products.items() if pk in product_ids}
        )

    def http_post(self, url, body, *, headers, timeout):
        import urllib.error
        import urllib.request

        request = urllib.request.Request(url, data=body, method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read(1_000_000).decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except (urllib.error.URLError, TimeoutError) as error:
            raise OSError(str(error)) from None

    def default_billing_path(self) -> None:
        # The renewal is the invoice; staff record payments with serviceRenewalMarkPaid.
        return None

    def automation_steps(self) -> dict:
        return {}

    def stored_settings(self) -> dict:
        # Nothing stored here: SALEOR_SERVICES is the whole configuration.
        return {}

    def send_email(self, email) -> None:
        """Through Django's mail, from DEFAULT_FROM_EMAIL (or the package's sender)."""
        from django.core.mail import EmailMultiAlternatives

        from saleor_services.conf import get_settings

        if not email.recipients:
            return
        sender = get_settings().EMAIL_SENDER_ADDRESS
        message = EmailMultiAlternatives(email.subject, email.text, sender, list(email.recipients))
        message.attach_alternative(email.html, "text/html")
        message.send()

    def staff_alert_recipients(self) -> list:
        # The STAFF_ALERT_RECIPIENTS setting lists them.
        return []

    def install_app(self, *, public_url):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "This command installs the Services App into Saleor; this is the standalone "
            "host, which has no Apps."
        )

    def storefront_url_allowed(self, url):
        from urllib.parse import urlsplit

        from django.conf import settings
        from django.http.request import split_domain_port, validate_host

        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False
        domain, _ = split_domain_port(parts.netloc)
        return validate_host(domain, settings.ALLOWED_CLIENT_HOSTS)

    def portal_root(self, request):
        return "/portal/"

    def authenticate_customer(self, request, *, email, password):
        from django.contrib.auth import get_user_model

        from .throttling import check_password_throttled

        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        # Throttled as Saleor throttles its login (blocked counts as refused).
        if user is None or not check_password_throttled(request, user, password):
            return None
        return user

    def absolute_url(self, request, path):
        return request.build_absolute_uri(path)

    def portal_public_url(self):
        return None  # no public address of its own: PORTAL_PUBLIC_URL sets one
