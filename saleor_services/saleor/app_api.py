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


def services_app():
    """The App the package acts as inside Saleor, with its permissions."""
    from saleor.app.models import App

    from ..dashboard.manifest import APP_ID

    app, _ = App.objects.get_or_create(identifier=APP_ID, defaults={"name": APP_NAME, "is_active": True})
    held = set(app.permissions.values_list("codename", flat=True))
    missing = [p for p in app_permissions() if p.codename not in held]
    if missing:
        app.permissions.add(*missing)
    return app


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
