"""Login throttling for the standalone host, shaped as Saleor's
(`saleor/account/throttling.py`): failed attempts counted per address and per address
and user in Django's cache; after each failure the address is blocked for a delay that
doubles every 10 failures from the address, or with every failure for the same user (at
least 1 s, at most an hour). A correct password clears the counts."""

import datetime
from math import ceil

from django.core.cache import cache
from django.utils import timezone

MIN_DELAY = 1
MAX_DELAY = 3600
ATTEMPT_COUNTER_EXPIRE_TIME = 7200


def _address(request) -> str:
    meta = getattr(request, "META", {}) or {}
    forwarded = (meta.get("HTTP_X_FORWARDED_FOR") or "").split(",")[0].strip()
    return forwarded or meta.get("REMOTE_ADDR") or "unknown"


def delay_for(address_failures: int, user_failures: int) -> int:
    address_delay = 2 ** (ceil(address_failures / 10) - 1) if address_failures else 0
    user_delay = 2 ** (user_failures - 1) if user_failures else 0
    if address_failures >= 100 or user_failures >= 10:
        return MAX_DELAY
    return max(address_delay, user_delay, MIN_DELAY)


def _increment(key: str) -> int:
    if cache.add(key, 1, timeout=ATTEMPT_COUNTER_EXPIRE_TIME):
        return 1
    return cache.incr(key)


def check_password_throttled(request, user, password: str) -> bool | None:
    """True (correct), False (wrong), or None: blocked, not checked."""
    address = _address(request)
    address_key, user_key = f"login:fail:ip:{address}", f"login:fail:ip:{address}:user:{user.pk}"
    block_key = f"login:block:ip:{address}"
    # Block before checking, so concurrent guesses wait as sequential ones do.
    if not cache.add(block_key, timezone.now() + datetime.timedelta(seconds=MIN_DELAY), timeout=MIN_DELAY):
        return None
    if user.check_password(password):
        cache.delete_many([address_key, user_key, block_key])
        return True
    delay = delay_for(_increment(address_key), _increment(user_key))
    cache.set(block_key, timezone.now() + datetime.timedelta(seconds=delay), timeout=delay)
    return False
