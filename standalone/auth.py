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


def issue_token(user) -> str:
    permissions = ["MANAGE_ORDERS"] if user.has_perm(MANAGE_ORDERS) else []
    payload = {
        "user_id": user.pk,
        "email": user.email,
        "user_permissions": permissions,
        "permissions": permissions,
        "exp": int(time.time()) + MAX_AGE,
    }
    signing_input = f"{_b64(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}.{_b64(json.dumps(payload).encode())}"
    return f"{signing_input}.{_signature(signing_input)}"


def user_for_token(token: str):
    try:
        header, payload, signature = token.split(".")
        if not hmac.compare_digest(signature, _signature(f"{header}.{payload}")):
            return None
        data = json.loads(_unb64(payload))
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("exp"), int) or data["exp"] < time.time():
        return None
    return get_user_model().objects.filter(pk=data.get("user_id"), is_active=True).first()


class BearerTokenMiddleware:
    """`Authorization: Bearer <token>` signs the request in; a bad token signs nobody in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            request.user = user_for_token(header.removeprefix("Bearer ").strip()) or AnonymousUser()
        return self.get_response(request)
