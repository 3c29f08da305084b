"""Getting into the customer portal: single-use links and the sessions they open.

A storefront (holding the customer's token) asks for a link; the portal exchanges it,
once, for a session whose key only the customer's cookie holds. Only SHA-256 hashes of
tokens and keys are stored, so a database dump opens nothing. No HTTP here: the portal's
views set and read the cookie, the host checks return URLs.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from .conf import get_settings
from .enums import PortalTarget
from .errors import ServiceError, ServiceErrorCode
from .models import PortalLink, PortalSession, Service

TOKEN_BYTES = 32


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and len(url) <= 1000


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedLink:
    token: str  # shown once, in the URL; never stored
    expires_at: datetime


@dataclass(frozen=True)
class OpenedSession:
    key: str  # goes into the cookie; never stored
    session: PortalSession
    target_service_id: int | None
    target_action: str


def portal_link_create(
    *,
    user,
    return_url: str = "",
    target_action: str = PortalTarget.SERVICES,
    target_service_id: int | None = None,
    now: datetime | None = None,
) -> IssuedLink:
    """A link for `user`; a target service must be theirs (else NOT_FOUND)."""
    now = now or timezone.now()
    try:
        target_action = PortalTarget(target_action)
    except ValueError:
        raise ServiceError(ServiceErrorCode.INVALID, "Unknown portal target.", field="target") from None
    if return_url and not _is_web_url(return_url):
        # Shown as the portal's "Back to the store" link: never javascript: or data:.
        raise ServiceError(ServiceErrorCode.INVALID, "The return URL must be an http(s) URL.", field="return_url")
    if target_action != PortalTarget.SERVICES and target_service_id is None:
        raise ServiceError(ServiceErrorCode.REQUIRED, "Name the service to open.", field="service")
    if target_service_id is not None and not Service.objects.filter(
        pk=target_service_id, user_id=user.pk
    ).exists():
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Service not found.", field="service")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    expires_at = now + timedelta(seconds=get_settings().PORTAL_LINK_TTL_SECONDS)
    PortalLink.objects.create(
        token_hash=_hash(token),
        user=user,
        target_service_id=target_service_id,
        target_action=target_action,
        return_url=return_url or "",
        expires_at=expires_at,
    )
    return IssuedLink(token=token, expires_at=expires_at)


def _new_session(*, user, return_url: str, now: datetime) -> tuple[str, PortalSession]:
    key = secrets.token_urlsafe(TOKEN_BYTES)
    session = PortalSession.objects.create(
        key_hash=_hash(key),
        user=user,
        return_url=return_url,
        last_seen_at=now,
        expires_at=now + timedelta(hours=get_settings().PORTAL_SESSION_MAX_HOURS),
    )
    return key, session


def portal_link_exchange(*, token: str, now: datetime | None = None) -> OpenedSession:
    """The session a link opens, once: a used, expired or unknown link is refused
    (INVALID, field "token") and opens nothing. Concurrent exchanges of one link race on
    a single conditional UPDATE; exactly one wins."""
    now = now or timezone.now()
    if not token or len(token) > 200:
        raise _link_refused()
    with transaction.atomic():
        claimed = PortalLink.objects.filter(
            token_hash=_hash(token), used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if claimed != 1:
            raise _link_refused()
        link = PortalLink.objects.select_related("user").get(token_hash=_hash(token))
        if not link.user.is_active:
            raise _link_refused()
        key, session = _new_session(user=link.user, return_url=link.return_url, now=now)
    return OpenedSession(
        key=key,
        session=session,
        target_service_id=link.target_service_id,
        target_action=link.target_action,
    )


def _link_refused() -> ServiceError:
    return ServiceError(
        ServiceErrorCode.INVALID, "This link has expired or was already used.", field="token"
    )


def portal_session_open_for(*, user, now: datetime | None = None) -> tuple[str, PortalSession]:
    """A session for a customer who signed in with the host's login (e-mail links)."""
    return _new_session(user=user, return_url="", now=now or timezone.now())


def portal_session_get(*, key: str, now: datetime | None = None) -> PortalSession | None:
    """The live session `key` opens (user loaded), or None when unknown, ended, past its
    absolute limit or idle too long. Seeing it moves its idle clock (one UPDATE)."""
    if not key or len(key) > 200:
        return None
    now = now or timezone.now()
    idle_since = now - timedelta(minutes=get_settings().PORTAL_SESSION_IDLE_MINUTES)
    session = (
        PortalSession.objects.select_related("user")
        .filter(key_hash=_hash(key), ended_at__isnull=True, expires_at__gt=now, last_seen_at__gt=idle_since)
        .first()
    )
    if session is None or not session.user.is_active:
        return None
    PortalSession.objects.filter(pk=session.pk).update(last_seen_at=now)
    session.last_seen_at = now
    return session


def portal_session_end(*, key: str, now: datetime | None = None) -> None:
    PortalSession.objects.filter(key_hash=_hash(key), ended_at__isnull=True).update(
        ended_at=now or timezone.now()
    )
