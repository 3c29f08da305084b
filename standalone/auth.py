"""Bearer tokens for the standalone host's GraphQL endpoint.

HS256 JWTs shaped like the app tokens the Saleor Dashboard hands to an app (email,
user_permissions, permissions), so the AppBridge in the extension reads them as it reads
Saleor's.
"""

import base64
import hashlib
import hmac
import json
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

MAX_AGE = 60 * 60 * 24
MANAGE_ORDERS = "standalone.manage_orders"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(signing_input: str) -> str:
    key = hashlib.sha256(b"standalone.graphql-token\0" + settings.SECRET_KEY.encode()).digest()
    return _b64(hmac.new(key, signing_input.encode(), hashlib.sha256).digest())


def _sign(payload: dict) -> str:
    now = int(time.time())
    payload = {**payload, "iat": now, "exp": now + MAX_AGE}
    signing_input = f"{_b64(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}.{_b64(json.dumps(payload).encode())}"
    return f"{signing_input}.{_signature(signing_input)}"


def issue_token(user) -> str:
    """The token of a sign-in (`iat`: when it happened)."""
    permissions = ["MANAGE_ORDERS"] if user.has_perm(MANAGE_ORDERS) else []
    return _sign(
        {"user_id": user.pk, "email": user.email, "user_permissions": permissions, "permissions": permissions}
    )


def issue_app_token(app) -> str:
    return _sign({"app_id": app.pk})


def token_payload(token: str) -> dict | None:
    """The payload of a token this host signed and that has not expired."""
    try:
        header, payload, signature = token.split(".")
        if not hmac.compare_digest(signature, _signature(f"{header}.{payload}")):
            return None
        data = json.loads(_unb64(payload))
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("exp"), int) or data["exp"] < time.time():
        return None
    return data


def user_for_token(token: str):
    data = token_payload(token)
    if data is None or "user_id" not in data:
        return None
    users = get_user_model().objects.select_related("channel_restriction")  # read by the host's requestor
    return users.filter(pk=data.get("user_id"), is_active=True).first()


def app_for_token(token: str):
    from .models import App

    data = token_payload(token)
    if data is None or not isinstance(data.get("app_id"), int):
        return None
    return App.objects.filter(pk=data["app_id"], is_active=True).first()


class BearerTokenMiddleware:
    """`Authorization: Bearer <token>` signs the request in (a user, or an app as
    `request.app`); a bad token signs nobody in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            token = header.removeprefix("Bearer ").strip()
            request.bearer_token = token
            request.app = app_for_token(token)
            request.user = (None if request.app else user_for_token(token)) or AnonymousUser()
        return self.get_response(request)
