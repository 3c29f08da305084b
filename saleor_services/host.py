"""The host port: what the package needs from the platform it runs in.

One host is registered, once, when Django is ready: the Saleor adapter
(`saleor_services.saleor.apps.SaleorServicesConfig`, installed through the
`saleor.plugins` entry point) or, for tests and the demo, the standalone host. Nothing
else asks which platform it runs in; it asks the registered host what to do.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from types import ModuleType
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured

from .actors import Actor


class PasswordCheck(Enum):
    CORRECT = "correct"
    INCORRECT = "incorrect"
    # Refused unchecked: too many failed attempts from this address (or it is unknown).
    DELAYED = "delayed"


@dataclass(frozen=True)
class Requestor:
    """Who is calling the API, as the host authenticated them."""

    user: Any = None  # an authenticated, active user
    app: Any = None
    can_manage_services: bool = False
    # A staff user (or an app), whether or not it holds the permission: without it, it
    # is a customer for its own services and gets the permission error for any other.
    is_staff: bool = False
    # Staff whose permission groups are all restricted to channels: the slugs of those
    # channels (their services are the only ones they see or act on). None: every
    # channel (unrestricted staff; apps, which Saleor never restricts).
    channel_slugs: frozenset[str] | None = None

    @property
    def lacks_permission(self) -> bool:
        """Staff (or an app) without the permission to manage services."""
        return (self.is_staff or self.app is not None) and not self.can_manage_services

    @property
    def staff_actor(self) -> Actor:
        if self.app is not None:
            return Actor.app(self.app.pk)
        return Actor.staff(self.user, channel_slugs=self.channel_slugs)

    @property
    def customer_actor(self) -> Actor:
        return Actor.customer(self.user)


class Host(Protocol):
    # The host's shared GraphQL types (JSON, UUID, Date, DateTime, Decimal,
    # PositiveDecimal, Money, OrderDirection, MetadataItem, MetadataInput, make_money).
    graphql_types: ModuleType

    def requestor(self, context) -> Requestor:
        """Who sent this request (never raises; anonymous is an empty Requestor)."""

    def permission_denied(self, *, staff: bool) -> Exception:
        """The host's own permission error, for staff-only or signed-in-only fields."""

    def check_password(self, request, *, user, password: str) -> PasswordCheck:
        """The user's password, checked under the host's login throttling (inside Saleor
        the very counters and delays of `tokenCreate`); `request` may be None."""

    def signed_in_at(self, request, *, user, sign_in_token: str | None) -> datetime | None:
        """When `user` last signed in, as the host can prove it (inside Saleor: the issue
        time of the refresh token of that sign-in, the argument or the refreshToken
        cookie); None when it cannot tell."""

    def read_alias(self, context) -> str:
        """The database connection the request's reads go to (a replica, in Saleor)."""

    def reading(self, context) -> contextlib.AbstractContextManager:
        """Wraps reads, allowing the writer where the request reads from it."""

    def mutating(self, context) -> contextlib.AbstractContextManager:
        """Wraps a mutation: writes allowed, later reads from the writer."""

    def reading_latest(self, context) -> contextlib.AbstractContextManager:
        """Wraps a read through the domain that must see the latest writes (a preview of
        what a write would do, a data export): it reads from the writer."""

    def quantize_price(self, amount: Decimal, currency: str) -> Decimal:
        """`amount` in the currency's precision, as the host rounds its own prices."""

    def task_writes(self) -> contextlib.AbstractContextManager:
        """Wraps a Celery task that writes (Saleor's workers refuse the writer otherwise)."""

    def service_fields(self) -> dict[str, Any]:
        """Extra fields of the GraphQL `Service` type that resolve to the host's types."""

    def renewal_fields(self) -> dict[str, Any]:
        """Extra fields of the GraphQL `ServiceRenewal` type (inside Saleor: the
        checkout and the order behind it)."""

    def variant_channel_prices(
        self, variant_channels: set[tuple[int, str]]
    ) -> dict[tuple[int, str], tuple[Decimal, str]]:
        """The catalogue price (amount, currency) of each (variant id, channel slug)
        that has one: the price as entered in the channel, before discounts."""

    def catalogue_variants(
        self, *, search: str | None, first: int, using: str = "default"
    ) -> list[CatalogueVariant]:
        """At most `first` variants of the host's catalogue whose product name, variant
        name or SKU contain every word of `search` (case-insensitive; None: any), by
        product name, then variant, each with its price in every channel where it is
        listed and priced (as entered in the channel). Constant queries."""

    def catalogue_names(
        self, *, variant_ids: set[int], product_ids: set[int], using: str = "default"
    ) -> CatalogueNames:
        """The current names of these variants and products, for those that still exist,
        in a constant number of queries."""

    def http_post(
        self, url: str, body: bytes, *, headers: dict[str, str], timeout: float
    ) -> tuple[int, str]:
        """POST to a URL outside (inside Saleor through its hardened client and IP
        filter); returns (status, body text). Network failures raise OSError."""

    def default_billing_path(self) -> str | None:
        """Dotted path of the billing backend used when SALEOR_SERVICES['BILLING'] is unset."""

    def automation_steps(self) -> dict[str, Callable[[date], int]]:
        """Steps the host adds to the daily run, after the package's own."""

    def install_app(self, *, public_url: str | None):
        """Install the Dashboard App; hosts without Apps raise ImproperlyConfigured."""

    def stored_settings(self) -> dict[str, Any]:
        """Settings staff stored in the host (inside Saleor: the plugin's configuration),
        as the form keeps them; `conf.get_settings()` types and validates them."""

    def send_email(self, email: OutgoingEmail) -> None:
        """Deliver one rendered e-mail the host's way (inside Saleor: `manager.notify`,
        then the store's SMTP route). Called outside any transaction; raises on failure."""

    def staff_alert_recipients(self) -> list[str]:
        """The e-mail addresses of staff who hear about alerts, besides the setting's."""

    def storefront_url_allowed(self, url: str) -> bool:
        """Whether a storefront may send customers back to `url` (inside Saleor its
        ALLOWED_CLIENT_HOSTS, through Saleor's own check)."""

    def portal_root(self, request) -> str:
        """The path the customer portal is served under, ending in '/'."""

    def authenticate_customer(self, request, *, email: str, password: str):
        """The active user these credentials belong to, or None, checked as the host's
        own login checks them (inside Saleor with its login throttling)."""

    def absolute_url(self, request, path: str) -> str:
        """`path` as an absolute URL customers can open (inside Saleor its public URL)."""

    def portal_public_url(self) -> str | None:
        """The portal's absolute root for links sent outside a request (e-mails), where
        the host knows its public address; None where it does not."""


@dataclass(frozen=True)
class CatalogueChannelPrice:
    channel_slug: str
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class CatalogueVariant:
    """One variant of the host's catalogue, as staff choose what a plan sells."""

    variant_id: int
    product_id: int
    product_name: str
    name: str  # the variant's own name, "" when it has none
    sku: str | None
    prices: tuple[CatalogueChannelPrice, ...]  # by channel slug


@dataclass(frozen=True)
class CatalogueNames:
    # variant id -> (its product's name, its own name); product id -> name
    variants: dict[int, tuple[str, str]]
    products: dict[int, str]


@dataclass(frozen=True)
class OutgoingEmail:
    """One rendered e-mail, and what the host's apps hear about it."""

    # The notify event, in the package's namespace ("saleor_services_renewal_reminder").
    event: str
    recipients: tuple[str, ...]
    subject: str
    text: str
    html: str
    language: str
    channel_slug: str | None
    # JSON-able: what an app subscribed to the host's notifications receives.
    payload: dict
    # To staff (an alert), not a customer.
    staff: bool = False


_registered: Host | None = None


def register_host(host: Host) -> None:
    """Register the host; called once from an AppConfig.ready()."""
    global _registered
    if _registered is not None and type(_registered) is not type(host):
        raise ImproperlyConfigured(
            f"saleor_services: the host is already {type(_registered).__name__}; "
            f"cannot also register {type(host).__name__}."
        )
    _registered = host


def has_host() -> bool:
    return _registered is not None


def get_host() -> Host:
    if _registered is None:
        raise ImproperlyConfigured(
            "saleor_services: no host is registered. Inside Saleor the plugin's entry "
            "point installs `saleor_services.saleor.apps.SaleorServicesConfig`; add that "
            "to INSTALLED_APPS instead of `saleor_services` if you list apps yourself."
        )
    return _registered
