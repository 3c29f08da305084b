"""The portal's own cookie: HttpOnly, SameSite=Lax, signed, scoped to the portal's path.

It holds a random session key; the row it matches (by hash) carries the idle and
absolute limits (portal_access). Lax, not Strict: the customer arrives by a top-level
navigation from the storefront, whose redirect must carry the cookie in.
"""

from ..conf import get_settings
from ..portal_access import portal_session_end, portal_session_get

COOKIE = "saleor_services_portal"
SALT = "saleor_services.portal.session"


def current_session(request):
    key = request.get_signed_cookie(COOKIE, default=None, salt=SALT)
    return portal_session_get(key=key) if key else None


def set_session_cookie(response, request, *, key: str, root: str) -> None:
    response.set_signed_cookie(
        COOKIE,
        key,
        salt=SALT,
        max_age=get_settings().PORTAL_SESSION_MAX_HOURS * 3600,
        path=root,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


def end_session(request, response, *, root: str) -> None:
    key = request.get_signed_cookie(COOKIE, default=None, salt=SALT)
    if key:
        portal_session_end(key=key)
    response.delete_cookie(COOKIE, path=root, samesite="Lax")
