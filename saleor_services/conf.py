"""The package's settings: the code-level `SALEOR_SERVICES` dict, overlaid with what the
host stores (inside Saleor: the plugin's configuration, edited in the Dashboard).

`get_settings()` is the one resolver of every effective value. Every key of the dict is
validated when the app starts, so a typo or a wrong type fails the deploy with an
`ImproperlyConfigured` that names the key, not a sweep at 3 a.m.; the host's values go
through the same validators when staff save them (`clean_stored_settings`).
"""

import functools
import json
import logging
import re
import string
import threading
import time as clock
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
    # Customers without a usable password (social or OpenID sign-in) confirm a
    # cancellation with a sign-in at most this many minutes old.
    CONFIRMATION_SIGN_IN_MINUTES: int = 10
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
    # E-mail addresses told about what needs staff (inside Saleor, in addition to the
    # store's staff notification recipients).
    STAFF_ALERT_RECIPIENTS: tuple[str, ...] = ()
    # The package's own SMTP server: used where the host has no e-mail route of its own
    # (inside Saleor: no active user-email plugin, no NOTIFY_USER app, no EMAIL_URL).
    EMAIL_HOST: str | None = None
    EMAIL_PORT: int = 25
    EMAIL_USERNAME: str | None = None
    EMAIL_PASSWORD: str | None = None
    EMAIL_USE_TLS: bool = False
    EMAIL_USE_SSL: bool = False
    EMAIL_SENDER_NAME: str | None = None
    EMAIL_SENDER_ADDRESS: str | None = None
    # Tries before an e-mail is FAILED (then staff are alerted and may retry it).
    EMAIL_MAX_ATTEMPTS: int = 5
    # Per e-mail kind ("renewal_reminder", ...): Django template strings replacing the
    # shipped "subject", "text" and/or "html".
    EMAIL_TEMPLATES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    def email_template(self, kind: str, part: str) -> str | None:
        return dict(dict(self.EMAIL_TEMPLATES).get(kind, ())).get(part)
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
    # The portal's public address for links in e-mails (its root, absolute); None: the
    # host's own (inside Saleor from PUBLIC_URL), else e-mails carry no portal link.
    PORTAL_PUBLIC_URL: str | None = None


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


def _addresses(key: str, value: Any) -> tuple[str, ...]:
    from django.core.validators import validate_email

    if value is None:
        return ()
    if isinstance(value, str):
        value = [part.strip() for part in value.replace("\n", ",").split(",") if part.strip()]
    if not isinstance(value, list | tuple):
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be a list of e-mail addresses.")
    for address in value:
        try:
            validate_email(address)
        except Exception:
            raise ImproperlyConfigured(
                f"{SETTINGS_NAME}[{key!r}]: {address!r} is not an e-mail address."
            ) from None
    return tuple(value)


def _optional_address(key: str, value: Any) -> str | None:
    if value is None:
        return None
    return _addresses(key, [value])[0]


def _email_templates(key: str, value: Any) -> tuple:
    from django.template import Template, TemplateSyntaxError

    from .notifications.kinds import EMAIL_KINDS

    if not value:
        return ()
    if not isinstance(value, dict) or not all(isinstance(parts, dict) for parts in value.values()):
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}[{key!r}] must map e-mail kinds to {{'subject'|'text'|'html': template}}."
        )
    unknown = sorted(set(value) - set(EMAIL_KINDS))
    if unknown:
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}[{key!r}] has unknown e-mail kind(s) {unknown}; known: {sorted(EMAIL_KINDS)}."
        )
    for kind, parts in value.items():
        for part, source in parts.items():
            if part not in ("subject", "text", "html") or not isinstance(source, str):
                raise ImproperlyConfigured(
                    f"{SETTINGS_NAME}[{key!r}][{kind!r}] takes 'subject', 'text' and 'html' templates."
                )
            try:
                Template("{% load i18n services_money %}" + source)
            except TemplateSyntaxError as error:
                raise ImproperlyConfigured(
                    f"{SETTINGS_NAME}[{key!r}][{kind!r}][{part!r}]: {error}"
                ) from None
    return tuple(sorted((kind, tuple(sorted(parts.items()))) for kind, parts in value.items()))




def _hex_colour(key: str, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be a colour such as '#2f5bd3'.")
    return value


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be a non-empty string (at most 200).")
    return value


def _url_or_none(key: str, value: Any, *, paths: bool) -> str | None:
    """An http(s) URL (or, where `paths`, a path on this host), or None."""
    if value is None:
        return None
    pattern = r"^(https?://|/)" if paths else r"^https?://[^/\s]+"
    if not isinstance(value, str) or not re.match(pattern, value) or len(value) > 500:
        what = "an http(s) URL, a path" if paths else "an absolute http(s) URL"
        raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be {what}, or None.")
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
    "CONFIRMATION_SIGN_IN_MINUTES": lambda k, v: _small_count(k, v, 1, 1440),
    "PAYMENT_URL_TEMPLATES": _url_templates,
    "OWNER_REMOVED_POLICY": lambda k, v: _choice(k, v, ("CANCEL_NOW", "CANCEL_AT_PERIOD_END")),
    "OWNER_REMOVED_KEEP_EMAIL": lambda k, v: _flag(k, v),
    "STAFF_ALERT_RECIPIENTS": _addresses,
    "EMAIL_HOST": _optional_text,
    "EMAIL_PORT": lambda k, v: _small_count(k, v, 1, 65535),
    "EMAIL_USERNAME": _optional_text,
    "EMAIL_PASSWORD": _optional_text,
    "EMAIL_USE_TLS": lambda k, v: _flag(k, v),
    "EMAIL_USE_SSL": lambda k, v: _flag(k, v),
    "EMAIL_SENDER_NAME": _optional_text,
    "EMAIL_SENDER_ADDRESS": _optional_address,
    "EMAIL_MAX_ATTEMPTS": lambda k, v: _small_count(k, v, 1, 50),
    "EMAIL_TEMPLATES": _email_templates,
    "PORTAL_LINK_TTL_SECONDS": lambda k, v: _small_count(k, v, 30, 3600),
    "PORTAL_SESSION_IDLE_MINUTES": lambda k, v: _small_count(k, v, 1, 1440),
    "PORTAL_SESSION_MAX_HOURS": lambda k, v: _small_count(k, v, 1, 720),
    "PORTAL_STORE_NAME": _text,
    "PORTAL_LOGO_URL": lambda k, v: _url_or_none(k, v, paths=True),
    "PORTAL_BRAND_COLOR": _hex_colour,
    "PORTAL_CANCELLATION_REASONS": _reasons,
    "PORTAL_PUBLIC_URL": lambda k, v: _url_or_none(k, v, paths=False),
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
    if values.get("EMAIL_USE_TLS") and values.get("EMAIL_USE_SSL"):
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}['EMAIL_USE_TLS'] and {SETTINGS_NAME}['EMAIL_USE_SSL'] are mutually "
            "exclusive; set one of them."
        )
    if values.get("EMAIL_HOST") and not values.get("EMAIL_SENDER_ADDRESS"):
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}['EMAIL_HOST'] is set without {SETTINGS_NAME}['EMAIL_SENDER_ADDRESS']; "
            "the package's SMTP server needs the sender's address."
        )


def _code_values() -> dict:
    raw = getattr(django_settings, SETTINGS_NAME, {})
    return _clean(raw, source=f"settings.{SETTINGS_NAME}")


def load_settings() -> ServicesSettings:
    """The code-level settings alone, validated (at start-up)."""
    values = _code_values()
    _check_together(values)
    return ServicesSettings(**values)


# Keys staff may set in the host's configuration (the plugin page inside Saleor). The
# others change what the deploy runs (classes, keys, the beat schedule) and stay in code.
STORED_KEYS = (
    *AUTOMATION_DAY_KEYS,
    "PROVISIONER_WEBHOOK_URL",
    "PROVISIONER_WEBHOOK_SECRET",
    "PROVISIONER_WEBHOOK_KEY_ID",
    "PROVISIONER_WEBHOOK_TIMEOUT",
    "PROVISIONER_WEBHOOK_RETRIES",
    "CANCELLATION_REASON_MAX_LENGTH",
    "OWNER_REMOVED_POLICY",
    "OWNER_REMOVED_KEEP_EMAIL",
    "STAFF_ALERT_RECIPIENTS",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_USERNAME",
    "EMAIL_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "EMAIL_SENDER_NAME",
    "EMAIL_SENDER_ADDRESS",
    "EMAIL_MAX_ATTEMPTS",
    "EMAIL_TEMPLATES",
)
_INT_KEYS = {
    "PROVISIONER_WEBHOOK_TIMEOUT", "PROVISIONER_WEBHOOK_RETRIES", "CANCELLATION_REASON_MAX_LENGTH",
    "EMAIL_PORT", "EMAIL_MAX_ATTEMPTS",
}
_FLAG_KEYS = {"OWNER_REMOVED_KEEP_EMAIL", "EMAIL_USE_TLS", "EMAIL_USE_SSL"}
NEVER = "never"


def _from_text(key: str, value: Any) -> Any:
    """A value as a form stores it (text, or a flag) in the type the validators take.
    Day offsets take "never" for None; lists are comma-separated; templates are JSON."""
    if key in _FLAG_KEYS and not isinstance(value, bool):
        flags = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
        if str(value).strip().lower() not in flags:
            raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] must be 'true' or 'false'.")
        return flags[str(value).strip().lower()]
    if not isinstance(value, str):
        return value
    text = value.strip()
    if key in AUTOMATION_DAY_KEYS and text.lower() == NEVER:
        return None
    if key == "REMINDER_DAYS_BEFORE":
        return [_whole(key, part) for part in text.split(",") if part.strip()]
    if key in AUTOMATION_DAY_KEYS or key in _INT_KEYS:
        return _whole(key, text)
    if key == "EMAIL_TEMPLATES":
        try:
            return json.loads(text)
        except ValueError as error:
            raise ImproperlyConfigured(f"{SETTINGS_NAME}[{key!r}] is not valid JSON: {error}.") from None
    return text


def _whole(key: str, text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ImproperlyConfigured(
            f"{SETTINGS_NAME}[{key!r}] must be a whole number, got {text.strip()!r}."
        ) from None


def clean_stored_settings(stored: dict) -> dict:
    """The host's stored values (form text; blank means "the code's value"), typed and
    validated with the code's defaults. Raises ImproperlyConfigured naming the key."""
    typed = {
        key: _from_text(key, value)
        for key, value in stored.items()
        if key in STORED_KEYS and value not in (None, "")
    }
    values = _clean(typed, allowed=STORED_KEYS, source="The plugin configuration")
    _check_together({**_code_values(), **values})
    return values


# How long a process trusts the stored values it read: a change saved in another process
# (the Dashboard's request, then a Celery worker) is seen within this many seconds; the
# process that saved it sees it at once (`settings_changed`).
STORED_SETTINGS_TTL = 30.0
_stored = threading.local()
_generation = [0]
logger = logging.getLogger(__name__)


def _stored_values() -> dict:
    from .host import get_host, has_host

    if not has_host():
        return {}
    now = clock.monotonic()
    cached = getattr(_stored, "values", None)
    if cached is not None and now - cached[0] < STORED_SETTINGS_TTL and cached[2] == _generation[0]:
        return cached[1]
    return stored_settings_loaded(get_host().stored_settings())


def stored_settings_loaded(stored: dict) -> dict:
    """Take the host's stored values as read now (the Saleor plugin passes the
    configuration Saleor loaded for it, so a request reads them without a query)."""
    try:
        values = _clean_once(
            tuple(sorted((key, str(value)) for key, value in stored.items() if value is not None))
        )
    except ImproperlyConfigured:
        # Saved before a validator tightened: the code's values stand, loudly.
        logger.exception("Ignoring the stored configuration of saleor_services")
        values = {}
    _stored.values = (clock.monotonic(), values, _generation[0])
    return values


@functools.lru_cache(maxsize=4)
def _clean_once(stored: tuple) -> dict:
    return clean_stored_settings(dict(stored))


def settings_changed() -> None:
    """The host saved new values: this process reads them on its next look-up."""
    _generation[0] += 1
    _merged.cache_clear()
    _clean_once.cache_clear()


@functools.cache
def _code_settings() -> ServicesSettings:
    return load_settings()


def code_settings() -> ServicesSettings:
    """The code-level settings alone (no query): for what is fixed when a process starts,
    like the beat schedule."""
    return _code_settings()


@functools.lru_cache(maxsize=8)
def _merged(stored: tuple) -> ServicesSettings:
    import dataclasses

    return dataclasses.replace(_code_settings(), **dict(stored))


def get_settings() -> ServicesSettings:
    """The effective settings: the code's, overlaid with the host's stored values."""
    stored = _stored_values()
    if not stored:
        return _code_settings()
    return _merged(tuple(sorted(stored.items())))


def clear_settings_cache() -> None:
    """Read the code's and the host's settings again (tests, `setting_changed`)."""
    _code_settings.cache_clear()
    settings_changed()


# The name callers and tests already use for "read the settings again".
get_settings.cache_clear = clear_settings_cache  # type: ignore[attr-defined]


def clean_automation_overrides(raw: Any) -> dict:
    """Validate a plan's overrides of the automation day offsets (same rules as above)."""
    return _clean(raw, allowed=AUTOMATION_DAY_KEYS, source="automation overrides")


@receiver(setting_changed)
def _reset_on_change(*, setting: str, **kwargs) -> None:
    if setting in (SETTINGS_NAME, "SECRET_KEY", "SECRET_KEY_FALLBACKS"):
        get_settings.cache_clear()
