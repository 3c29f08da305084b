"""The extension inside Saleor: manifest, register endpoint and files from the plugin's own route."""

from django.http import HttpResponseNotFound, JsonResponse

from ..dashboard.manifest import build_manifest
from ..dashboard.serving import dashboard_response
from .app_api import release_identifier, with_app_permissions
from .app_register import register_response

DASHBOARD_PREFIX = "/dashboard/"
PORTAL_PREFIX = "/portal/"


def plugin_root(request, plugin_id: str) -> str:
    return request.build_absolute_uri(f"/plugins/global/{plugin_id}/")


def manifest_for(request, plugin_id: str) -> dict:
    root = plugin_root(request, plugin_id)
    return with_app_permissions(
        build_manifest(app_url=f"{root}dashboard/", token_target_url=f"{root}register")
    )


def plugin_route(request, path: str, *, plugin_id: str):
    if path in ("/manifest", "/manifest/"):
        # Saleor checks the manifest's id against its Apps right after fetching it: an
        # App an earlier release made under that id steps aside first.
        from saleor.core.db.connection import allow_writer

        with allow_writer():
            release_identifier()
        return JsonResponse(manifest_for(request, plugin_id))
    if path in ("/register", "/register/"):
        return register_response(request)
    if path.startswith(DASHBOARD_PREFIX) or path == DASHBOARD_PREFIX.rstrip("/"):
        base_href = f"/plugins/global/{plugin_id}/dashboard/"
        return dashboard_response(path.removeprefix(DASHBOARD_PREFIX.rstrip("/")), base_href=base_href)
    if path.startswith(PORTAL_PREFIX) or path == PORTAL_PREFIX.rstrip("/"):
        from ..portal.dispatch import portal_response

        return portal_response(request, path.removeprefix(PORTAL_PREFIX.rstrip("/")))
    return HttpResponseNotFound("Not found")
