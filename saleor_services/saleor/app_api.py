"""The services App, and Saleor's own GraphQL API run in-process as that App.

Everything the package does to Saleor's checkouts goes through Saleor's mutations, so
Saleor's validation, prices, taxes, events and webhooks stay Saleor's.
"""

import logging

from django.test import RequestFactory

logger = logging.getLogger(__name__)

APP_NAME = "Services"
# What the App holds: MANAGE_ORDERS for the API and the Dashboard extension;
# HANDLE_CHECKOUTS to open renewal checkouts with the renewal's price and private
# metadata (never MANAGE_APPS, MANAGE_CHECKOUTS or IMPERSONATE_USER).
APP_PERMISSIONS = ("MANAGE_ORDERS", "HANDLE_CHECKOUTS")
_CODENAMES = {"MANAGE_ORDERS": ("order", "manage_orders"), "HANDLE_CHECKOUTS": ("checkout", "handle_checkouts")}


class SaleorRefused(Exception):
    """Saleor answered the mutation with errors (its validation said no)."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(_describe(error) for error in errors))


def _describe(error: dict) -> str:
    field, message = error.get("field"), error.get("message") or error.get("code") or "refused"
    return f"{field}: {message}" if field else message


class SaleorFailed(Exception):
    """The GraphQL execution itself failed (an exception inside Saleor)."""


def with_app_permissions(manifest: dict) -> dict:
    """The extension's manifest with the App's own permissions (its extensions keep
    theirs: MANAGE_ORDERS)."""
    return {**manifest, "permissions": list(APP_PERMISSIONS)}


def app_permissions():
    from saleor.permission.models import Permission

    permissions = []
    for name in APP_PERMISSIONS:
        app_label, codename = _CODENAMES[name]
        permissions.append(Permission.objects.get(codename=codename, content_type__app_label=app_label))
    return permissions


# The App the package acts as while no Services App is installed: its own identifier,
# so Saleor still installs the Dashboard's (Saleor refuses a second App of one identifier).
INTERNAL_APP_ID = "saleor-services.internal"
INTERNAL_APP_NAME = "Services (internal)"
# Serialises creating the internal App across processes (App.identifier is not unique).
_INTERNAL_APP_LOCK = 0x5E5F_1CE5


def services_app():
    """The App the package acts as inside Saleor (renewal checkouts, their guard), with
    its permissions.

    Two Apps can play this part, never at once:

    - **the installed Services App** (identifier `APP_ID`), put there by the Dashboard's
      install-from-manifest or by `services_install_app`. Whenever it exists (installed
      and not removed) the package acts as it, and makes sure it holds MANAGE_ORDERS and
      HANDLE_CHECKOUTS;
    - **the package's internal App** (identifier `INTERNAL_APP_ID`), made the first time
      the package needs an App and none is installed (a renewal checkout opened before
      the store installs the extension). It holds no token, so nothing outside this
      process can act as it, and it is not "installed" (`is_installed=False`), so the
      Dashboard's app list does not show it.

    Keeping the internal App under its own identifier is what lets a later Dashboard
    install succeed: Saleor's `appFetchManifest` and `install_app` refuse a manifest
    whose `id` a not-removed App already carries, and they always create a new App (an
    install cannot adopt an existing row). Once the installed App exists the internal
    one is deactivated (here, and when the installed App registers at `tokenTargetUrl`),
    leaving exactly one active App acting for the package; its row stays, so Saleor's
    history still names it. Checkouts it opened are ordinary checkouts, paid and guarded
    as before: nothing about them depends on the App that opened them. If the installed
    App is later removed, the internal App is active again on the next call.

    An App an earlier release made itself under `APP_ID` (no manifest URL, no token)
    takes the internal identifier first (`release_identifier`).
    """
    release_identifier()
    app = installed_app()
    if app is not None:
        retire_internal_app()
    else:
        app = _internal_app()
    held = set(app.permissions.values_list("codename", flat=True))
    missing = [p for p in app_permissions() if p.codename not in held]
    if missing:
        app.permissions.add(*missing)
    return app


def installed_app():
    """The installed Services App (Dashboard or install command), or None."""
    from saleor.app.models import App

    from ..dashboard.manifest import APP_ID

    return (
        App.objects.filter(identifier=APP_ID, is_installed=True, removed_at__isnull=True)
        .order_by("pk")
        .first()
    )


def _internal_app():
    from django.db import connection, transaction
    from saleor.app.models import App
    from saleor.app.types import AppType

    internal = App.objects.filter(identifier=INTERNAL_APP_ID, removed_at__isnull=True)
    app = internal.order_by("pk").first()
    if app is None:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_INTERNAL_APP_LOCK])
            app, _ = App.objects.get_or_create(
                identifier=INTERNAL_APP_ID,
                removed_at__isnull=True,
                defaults={
                    "name": INTERNAL_APP_NAME,
                    "is_active": True,
                    "is_installed": False,
                    "type": AppType.LOCAL,
                },
            )
    if not app.is_active:
        internal.filter(pk=app.pk).update(is_active=True)
        app.is_active = True
    return app


def retire_internal_app() -> int:
    """Deactivate the internal App (the installed one acts now); returns rows changed."""
    from saleor.app.models import App

    return App.objects.filter(identifier=INTERNAL_APP_ID, is_active=True).update(is_active=False)


def release_identifier() -> int:
    """An App an earlier release of the package made itself under `APP_ID` (never
    installed: no manifest URL and no token) becomes the internal App, so Saleor installs
    the Dashboard's. Returns rows changed. Called before the manifest is served, since
    Saleor checks the identifier right after fetching it."""
    from django.db.models import Q
    from saleor.app.models import App
    from saleor.app.types import AppType

    from ..dashboard.manifest import APP_ID

    # What `get_or_create(identifier=APP_ID, defaults={name, is_active})` made: a local
    # App with no manifest, no app URL and no token (installs set all of these).
    made_by_the_package = (
        App.objects.filter(
            identifier=APP_ID, type=AppType.LOCAL, removed_at__isnull=True, tokens__isnull=True
        )
        .filter(Q(manifest_url__isnull=True) | Q(manifest_url=""))
        .filter(Q(app_url__isnull=True) | Q(app_url=""))
        .values("pk")
    )
    return App.objects.filter(pk__in=made_by_the_package).update(
        identifier=INTERNAL_APP_ID, name=INTERNAL_APP_NAME, is_installed=False
    )


def execute(document: str, variables: dict) -> dict:
    """Run one mutation as the services App; returns its payload or raises."""
    from saleor.graphql.api import schema
    from saleor.graphql.context import get_context_value
    from saleor.graphql.views import API_PATH

    request = RequestFactory().post(str(API_PATH))
    request.app = services_app()
    result = schema.execute(document, variable_values=variables, context_value=get_context_value(request))
    if result.errors:
        raise SaleorFailed("; ".join(str(error) for error in result.errors))
    [payload] = result.data.values()
    if payload["errors"]:
        raise SaleorRefused(payload["errors"])
    return payload
