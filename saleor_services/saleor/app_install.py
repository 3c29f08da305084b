"""Install (or update) the services App and its Dashboard extensions in Saleor's database."""

import copy

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from ..dashboard.manifest import APP_ID, LEGACY_APP_IDS, build_manifest
from .app_api import release_identifier, retire_internal_app, with_app_permissions
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

    public_url = public_url or getattr(settings, "PUBLIC_URL", None)
    if not public_url:
        raise ImproperlyConfigured(
            "The Dashboard loads the Services App from Saleor's public URL: pass "
            "--url https://your-saleor.example, or set PUBLIC_URL in Saleor's settings."
        )
    manifest = manifest_for_url(public_url)
    cleaned = clean(manifest)
    with transaction.atomic():
        # An App the package made itself under this id (an earlier release) is not the
        # installed one: it becomes the internal App (see app_api.services_app).
        release_identifier()
        # An App installed under an earlier release's identifier is this one.
        App.objects.filter(identifier__in=LEGACY_APP_IDS).exclude(
            pk__in=App.objects.filter(identifier=APP_ID).values("pk")
        ).update(identifier=APP_ID)
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
        retire_internal_app()  # the installed App acts for the package from now on
    return app, created
