"""The package's settings: one `SALEOR_SERVICES` dict, read once into `ServicesSettings`.

Every key is validated when the app starts, so a typo or a wrong type fails the deploy
with an `ImproperlyConfigured` that names the key, not a sweep at 3 a.m.
"""

import functools
import re
import string
from dataclasses import dataclass, fields
from datetime import time
from typing import Any

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

SETTINGS_NAME = "SALEOR_SERVICES"

# Day offsets of the daily automation. Plans may override these keys; `None` means
# "never" and 0 means "on the day".
AUTOMATION_DAY_KEYS = (
    "RENEWAL_DAYS_BEFORE",
    "REMINDER_DAYS_BEFORE",
    "GRACE_DAYS",
    "SUSPENSION_WARNING_DAYS_BEFORE",
    "TERMINATE_SUSPENDED_AFTER_DAYS",
    "TERMINATE_CANCELLED_AFTER_DAYS",
    "TERMINATION_WARNING_DAYS_BEFORE",
)


@dataclass(frozen=True)
class ServicesSettings:
    RENEWAL_DAYS_BEFORE: int | None = 7
    REMINDER_DAYS_BEFORE: tuple[int, ...] = (7, 1)
    GRACE_DAYS: int | None = 3
    SUSPENSION_WARNING_DAYS_BEFORE: int | None = 1
    TERMINATE_SUSPENDED_AFTER_DAYS: int | None = 14
    TERMINATE_CANCELLED_AFTER_DAYS: int | None = 30
    TERMINATION_WARNING_DAYS_BEFORE: int | None = 3
    # Time of day (host time zone) at which the daily automation runs.
    AUTOMATION_TIME: time = time(3, 0)
    # Dotted path of a provisioner class; `None` means nothing is provisioned.
    PROVISIONER: str | None = None
    # The webhook provisioner (PROVISIONER = "saleor_services.provisioning.webhook.
    # WebhookProvisioner"): where it POSTs, the HMAC key, seconds to wait, tries.
    PROVISIONER_WEBHOOK_URL: str | None = None
    PROVISIONER_WEBHOOK_SECRET: str | None = None
    # Named in each signature (kid=…), so receivers can hold several secrets while
    # the store rotates them.
    PROVISIONER_WEBHOOK_KEY_ID: str = "1"
    PROVISIONER_WEBHOOK_TIMEOUT: int = 10
    PROVISIONER_WEBHOOK_RETRIES: int = 5
    # Dotted path of the billing port; `None`: the host's default (Saleor's renewal
    # orders inside Saleor).
    BILLING: str | None = None
    # Keys for provisioning passwords at rest: the first encrypts, every one decrypts
    # (rotate by adding a key in front, run `services_reencrypt_credentials`, then drop
    # the old one). ENCRYPTION_KEY is the one-key form. With neither, keys are derived
    # from SECRET_KEY and SECRET_KEY_FALLBACKS.
    ENCRYPTION_KEYS: tuple[str, ...] = ()
    ENCRYPTION_KEY: str | None = None
    CANCELLATION_REASON_MAX_LENGTH: int = 1000
    # What happens to a customer's services when their account is deleted:
    # "CANCEL_NOW" or "CANCEL_AT_PERIOD_END" (an approved cancellation for the due date).
    OWNER_REMOVED_POLICY: str = "CANCEL_NOW"
    # Keep the e-mail address on the services as the store's record (off: it is erased).
    OWNER_REMOVED_KEEP_EMAIL: bool = False
    # Where a customer pays a renewal's document, by channel slug ("*": every other
    # channel). Placeholders: {channel} (slug), {checkout_id} (inside Saleor the
    # checkout's GraphQL id, as `checkout(id:)` takes it), {renewal_id}. Relative
    # templates are joined to the storefront URL the host knows (inside Saleor the origin
    # of the original order's redirect URL); stores should set an absolute one. The
    # default is shaped like Saleor's own storefront.
    PAYMENT_URL_TEMPLATES: tuple[tuple[str, str], ...] = (
        ("*", "/{channel}/checkout?checkout={checkout_id}"),
    )
    # The customer portal (portal/): how long a storefront's sign-in link lives, and the
    # portal session's idle and absolute limits.
    PORTAL_LINK_TTL_SECONDS: int = 300
    PORTAL_SESSION_IDLE_MINUTES: int = 30
    PORTAL_SESSION_MAX_HOURS: int = 12
    # The store's look in the portal: name, logo URL, brand colour (CSS hex) and the
    # reasons a customer may pick from when cancelling (free text is always allowed).
    PORTAL_STORE_NAME: str = "Store"
    PORTAL_LOGO_URL: str | None = None
    PORTAL_BRAND_COLOR: str = "#2f5bd3"
    PORTAL_CANCELLATION_REASONS: tuple[str, ...] = ()


_DAY_RANGE = range(0, 3651)


def _day_count(key: str, value: Any, *, optional: bool) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in _DAY_RANGE:
        expected = "a whole number of days from 0 to 3650"
        if optional:
            expected += " or None (never)"
        raise ImproperlyConfigured(f"{SETTINGS_NAME}['{key}'] must be {expected}, got {value!r}.")
    return value


def _optional_days(key: str, value: Any) -> int | None:
    return _day_count(key, value, optional=True)


def _day_list(key: str, value: Any) -> tuple[int, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}['{key}'] must be a list of day counts, got {value!r}."
        )
    days = [_day_count(key, day, optional=False) for day in value]
    return tuple(sorted(set(days), reverse=True))


def _time_of_day(key: str, value: Any) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise ImproperlyConfigured(
        f"{SETTINGS_NAME}['{key}'] must be a time of day such as '03:00', got {value!r}."
    )


def _optional_text(key: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    raise ImproperlyConfigured(
        f"{SETTINGS_NAME}['{key}'] must be a non-empty string or None, got {value!r}."
    )


def _key_list(key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or not value:
        # Never the value itself: it would put a key in the deploy's log.
        got = "an empty list" if isinstance(value, list | tuple) else f"a {type(value).__name__}"
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}['{key}'] must be a non-empty list of keys (the first encrypts, "
            f"all decrypt), got {got}."
        )
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise ImproperlyConfigured(
                f"{SETTINGS_NAME}['{key}'][{index}] must be a non-empty string, got a "
                f"{type(item).__name__}."
            )
        if item in value[:index]:
            raise ImproperlyConfigured(
                f"{SETTINGS_NAME}['{key}'][{index}] repeats an earlier key."
            )
    return tuple(value)


def _small_count(key: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}['{key}'] must be a whole number from {low} to {high}, got {value!r}."
        )
    return value


def _reason_length(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}['{key}'] must be a whole number from 1 to 1000, got {value!r}."
        )
    return value


def _key_id(key: str, value: Any) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= 64 or not value.replace("-", "").replace("_", "").isalnum():
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be 1-64 letters, digits, '-' or '_'.")
    return value


def _choice(key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be one of {', '.join(choices)}.")
    return value


def _flag(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be True or False.")
    return value


_PLACEHOLDERS = {"channel", "checkout_id", "renewal_id"}


def _url_templates(key: str, value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not value or not all(
        isinstance(channel, str) and isinstance(template, str) for channel, template in value.items()
    ):
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must map channel slugs to URL templates.")
    for channel, template in value.items():
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        except ValueError as error:
            raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}][{channel!r}]: {error}.") from None
        if not names <= _PLACEHOLDERS:
            raise ImproperlyConfigured(
                f"{SETTINGS_NAME}[{key!r}][{channel!r}] uses unknown placeholder(s) "
                f"{sorted(names - _PLACEHOLDERS)}; known: {sorted(_PLACEHOLDERS)}."
            )
    return tuple(sorted(value.items()))


def _hex_colour(key: str, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be a colour such as '#2f5bd3'.")
    return value


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be a non-empty string (at most 200).")
    return value


def _https_or_none(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.match(r"^(https?://|/)", value):
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be an http(s) URL, a path, or None.")
    return value


def _reasons(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(item, str) and item.strip() and len(item) <= 200 for item in value
    ):
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be a list of short texts.")
    return tuple(value)


def payment_url_template(channel_slug: str) -> str | None:
    templates = dict(get_settings().PAYMENT_URL_TEMPLATES)
    return templates.get(channel_slug, templates.get("*"))


_VALIDATORS = {
    "RENEWAL_DAYS_BEFORE": _optional_days,
    "REMINDER_DAYS_BEFORE": _day_list,
    "GRACE_DAYS": _optional_days,
    "SUSPENSION_WARNING_DAYS_BEFORE": _optional_days,
    "TERMINATE_SUSPENDED_AFTER_DAYS": _optional_days,
    "TERMINATE_CANCELLED_AFTER_DAYS": _optional_days,
    "TERMINATION_WARNING_DAYS_BEFORE": _optional_days,
    "AUTOMATION_TIME": _time_of_day,
    "PROVISIONER": _optional_text,
    "BILLING": _optional_text,
    "PROVISIONER_WEBHOOK_URL": _optional_text,
    "PROVISIONER_WEBHOOK_SECRET": _optional_text,
    "PROVISIONER_WEBHOOK_KEY_ID": lambda k, v: _key_id(k, v),
    "PROVISIONER_WEBHOOK_TIMEOUT": lambda k, v: _small_count(k, v, 1, 300),
    "PROVISIONER_WEBHOOK_RETRIES": lambda k, v: _small_count(k, v, 0, 20),
    "ENCRYPTION_KEYS": _key_list,
    "ENCRYPTION_KEY": _optional_text,
    "CANCELLATION_REASON_MAX_LENGTH": _reason_length,
    "PAYMENT_URL_TEMPLATES": _url_templates,
    "OWNER_REMOVED_POLICY": lambda k, v: _choice(k, v, ("CANCEL_NOW", "CANCEL_AT_PERIOD_END")),
    "OWNER_REMOVED_KEEP_EMAIL": lambda k, v: _flag(k, v),
    "PORTAL_LINK_TTL_SECONDS": lambda k, v: _small_count(k, v, 30, 3600),
    "PORTAL_SESSION_IDLE_MINUTES": lambda k, v: _small_count(k, v, 1, 1440),
    "PORTAL_SESSION_MAX_HOURS": lambda k, v: _small_count(k, v, 1, 720),
    "PORTAL_STORE_NAME": _text,
    "PORTAL_LOGO_URL": _https_or_none,
    "PORTAL_BRAND_COLOR": _hex_colour,
    "PORTAL_CANCELLATION_REASONS": _reasons,
}
assert set(_VALIDATORS) == {f.name for f in fields(ServicesSettings)}


def _clean(raw: Any, *, allowed: tuple[str, ...] | None = None, source: str) -> dict:
    if not isinstance(raw, dict):
        raise ImproperlyConfigured(f"{source} must be a dict, got {type(raw).__name__}.")
    allowed_keys = allowed if allowed is not None else tuple(_VALIDATORS)
    unknown = sorted(set(raw) - set(allowed_keys))
    if unknown:
        raise ImproperlyConfigured(
            f"{source} has unknown key(s) {', '.join(map(repr, unknown))}; "
            f"known keys are {', '.join(allowed_keys)}."
        )
    return {key: _VALIDATORS[key](key, value) for key, value in raw.items()}


def _check_together(values: dict) -> None:
    if values.get("ENCRYPTION_KEYS") and values.get("ENCRYPTION_KEY"):
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}['ENCRYPTION_KEYS'] and {SETTINGS_NAME}['ENCRYPTION_KEY'] are both "
            "set; use ENCRYPTION_KEYS alone (list the single key's value in it)."
        )


def load_settings() -> ServicesSettings:
    raw = getattr(django_settings, SETTINGS_NAME, {})
    values = _clean(raw, source=f"settings.{SETTINGS_NAME}")
    _check_together(values)
    return ServicesSettings(**values)


@functools.cache
def get_settings() -> ServicesSettings:
    return load_settings()


def clean_automation_overrides(raw: Any) -> dict:
    """Validate a plan's overrides of the automation day offsets (same rules as above)."""
    return _clean(raw, allowed=AUTOMATION_DAY_KEYS, source="automation overrides")


@receiver(setting_changed)
def _reset_on_change(*, setting: str, **kwargs) -> None:
    if setting in (SETTINGS_NAME, "SECRET_KEY", "SECRET_KEY_FALLBACKS"):
        get_settings.cache_clear()
