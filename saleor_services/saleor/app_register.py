"""The manifest's `tokenTargetUrl`: Saleor's install-from-manifest flow hands the App its token here.

The protocol is app-sdk's register handler: a POST of `{"auth_token": …}` with the
`Saleor-Api-Url` (and `Saleor-Domain`) headers, answered `{"success": true}` or
`{"success": false, "error": {"code", "message"}}` (Saleor shows `error.message` to the
staff member installing). The package runs inside that Saleor and acts as the App
in-process, so it keeps no raw token: it checks that the token is one this Saleor issued
to the Services App (Saleor stores it hashed, as for every app token) and records which
token registered the App, once.
"""

import json

from django.db import transaction
from django.http import JsonResponse

from ..dashboard.manifest import APP_ID
from .app_api import retire_internal_app

REGISTRATION_KEY = "saleor-services.registration"


def _refusal(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"success": False, "error": {"code": code, "message": message}}, status=status)


def own_api_url() -> str:
    """This Saleor's API URL, as Saleor itself puts it in the Saleor-Api-Url header."""
    from django.urls import reverse
    from saleor.core.utils import build_absolute_uri

    return build_absolute_uri(reverse("api"))


def _same_url(first: str, second: str) -> bool:
    return first.rstrip("/") == second.rstrip("/")


def token_owner(raw_token: str):
    """(App, AppToken) when `raw_token` is a token of this Saleor's Services App, else None."""
    from django.contrib.auth.hashers import check_password
    from saleor.app.models import AppToken

    candidates = AppToken.objects.filter(
        token_last_4=raw_token[-4:], app__identifier=APP_ID, app__removed_at__isnull=True
    ).select_related("app")
    for token in candidates:
        if check_password(raw_token, token.auth_token):
            return token.app, token
    return None


def _auth_token(request) -> str | None:
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    token = body.get("auth_token") if isinstance(body, dict) else None
    return token if isinstance(token, str) and 0 < len(token) <= 256 else None


def register_response(request) -> JsonResponse:
    if request.method != "POST":
        response = _refusal(405, "METHOD_NOT_ALLOWED", "Saleor registers the App with a POST.")
        response["Allow"] = "POST"
        return response
    api_url = request.headers.get("Saleor-Api-Url")
    if not api_url:
        return _refusal(400, "MISSING_SALEOR_API_URL_HEADER", "The Saleor-Api-Url header is missing.")
    if not _same_url(api_url, own_api_url()):
        return _refusal(
            403, "SALEOR_URL_PROHIBITED",
            "This Services App registers only with the Saleor that serves it.",
        )
    raw_token = _auth_token(request)
    if raw_token is None:
        return _refusal(400, "MISSING_AUTH_TOKEN", "The request has no auth_token.")
    owner = token_owner(raw_token)
    if owner is None:
        return _refusal(
            403, "UNKNOWN_APP", "The token is not one this Saleor issued to the Services App."
        )
    app, token = owner
    record_registration(app_id=app.pk, token_id=token.pk, api_url=api_url)
    # The installed App acts for the package from now on (see app_api.services_app).
    retire_internal_app()
    return JsonResponse({"success": True})


def record_registration(*, app_id: int, token_id: int, api_url: str) -> bool:
    """Record the token that registered the App; True the first time, False after (no change)."""
    from saleor.app.models import App

    with transaction.atomic():
        app = App.objects.select_for_update().get(pk=app_id)
        if app.get_value_from_private_metadata(REGISTRATION_KEY):
            return False
        app.store_value_in_private_metadata(
            {REGISTRATION_KEY: {"tokenId": token_id, "saleorApiUrl": api_url}}
        )
        app.save(update_fields=["private_metadata"])
    return True
