"""Install (or update) the services App and its Dashboard extensions in Saleor's database."""

import copy

from django.conf import settings
from django.db import transaction

from ..dashboard.manifest import APP_ID, build_manifest
from .app_api import with_app_permissions
from .plugin import ServicesPlugin


def manifest_for_url(public_url: str) -> dict:
    root = f"{public_url.rstrip('/')}/plugins/global/{ServicesPlugin.PLUGIN_ID}/"
    return with_app_permissions(
        build_manifest(app_url=f"{root}dashboard/", token_target_url=f"{root}register")
    )


def clean(manifest: dict) -> dict:
    """Saleor's own manifest cleaning. An installed App of the same id is what we update,
    so the copy being cleaned carries another id (Saleor refuses a duplicate)."""
    from saleor.app.manifest_validations import clean_manifest_data

    checked = copy.deepcopy(manifest)
    checked["id"] = f"{APP_ID}.check"
    clean_manifest_data(checked)
    return checked


def install_app(*, public_url: str | None = None):
    """Create or update the App; returns (app, created). Running it twice changes nothing."""
    from saleor.app.models import App, AppExtension
    from saleor.app.types import AppType

    manifest = manifest_for_url(public_url or settings.PUBLIC_URL)
    cleaned = clean(manifest)
    with transaction.atomic():
        app, created = App.objects.select_for_update().get_or_create(
            identifier=APP_ID, defaults={"name": manifest["name"]}
        )
        app.name = manifest["name"]
        app.is_active = True
        app.is_installed = True
        app.type = AppType.THIRDPARTY
        app.about_app = manifest["about"]
        app.app_url = manifest["appUrl"]
        app.version = manifest["version"]
        app.author = manifest["author"]
        app.manifest_url = manifest["tokenTargetUrl"].removesuffix("register") + "manifest"
        app.save()
        app.permissions.set(cleaned["permissions"])
        app.extensions.all().delete()
        for extension in cleaned["extensions"]:
            created_extension = AppExtension.objects.create(
                app=app,
                label=extension["label"],
                url=extension["url"],
                mount=extension["mount"],
                target=extension["target"],
            )
            created_extension.permissions.set(extension["permissions"])
    return app, created
