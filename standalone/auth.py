"""Bearer tokens for the standalone host's GraphQL endpoint (signed user ids)."""

from django.contrib.auth import get_user_model
from django.core import signing

SALT = "standalone.graphql-token"
MAX_AGE = 60 * 60 * 24


def issue_token(user) -> str:
    return signing.dumps({"user_id": user.pk}, salt=SALT)


def user_for_token(token: str):
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=data.get("user_id"), is_active=True).first()


class BearerTokenMiddleware:
    """`Authorization: Bearer <token>` signs the request in; a bad token signs nobody in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            from django.contrib.auth.models import AnonymousUser

            request.user = user_for_token(header.removeprefix("Bearer ").strip()) or AnonymousUser()
        return self.get_response(request)
