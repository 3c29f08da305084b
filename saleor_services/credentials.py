"""Provisioning passwords: encrypted at rest, masked everywhere they could leak.

The model attribute holds a `Secret`, whose `str`/`repr` are a mask, so a password
cannot slip into a log line, an event or a debug page by accident; `reveal()` is the one
deliberate way to read it.

A row loads without decrypting anything: the `Secret` keeps the stored token and
decrypts on `reveal()` only. So a wrong or missing key makes only the password
unavailable (`CredentialsUnavailable`, a typed refusal), never the row, a list, the daily
automation or the paid-order hook.

Keys (`SALEOR_SERVICES`): `ENCRYPTION_KEYS`, a list whose first key encrypts and whose
every key decrypts; or one `ENCRYPTION_KEY`; or, when neither is set, keys derived from
SECRET_KEY and then SECRET_KEY_FALLBACKS (Django's own rotation). After adding a key in
front, `manage.py services_reencrypt_credentials` re-encrypts every row with it, after
which the older keys may go.
"""

from __future__ import annotations

import base64
import functools
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings as django_settings
from django.db import models

from .conf import get_settings
from .errors import ServiceError, ServiceErrorCode

MASK = "********"


class CredentialsUnavailable(ServiceError):
    """No configured key decrypts a stored password (the key was rotated or lost)."""

    # Django templates render a failing variable as empty only when this is set; an
    # e-mail needing the password should fail (and be retried), not go out without it.
    silent_variable_failure = False

    def __init__(self):
        super().__init__(
            ServiceErrorCode.CREDENTIALS_UNAVAILABLE,
            "The password cannot be decrypted with the configured encryption key(s) "
            "(SALEOR_SERVICES['ENCRYPTION_KEYS'] / ['ENCRYPTION_KEY'], or SECRET_KEY and "
            "SECRET_KEY_FALLBACKS); add the key it was encrypted with.",
            field="password",
        )


class Secret:
    """A password, as plaintext (set by code) or as its stored token (loaded)."""

    __slots__ = ("_plaintext", "_token")

    def __init__(self, value: str = "", *, token: str | None = None):
        self._plaintext = None if token else (value or "")
        self._token = token or None

    @classmethod
    def stored(cls, token: str) -> Secret:
        return cls(token=token) if token else cls("")

    def reveal(self) -> str:
        """The plaintext; raises CredentialsUnavailable when no key decrypts it."""
        if self._plaintext is None:
            self._plaintext = decrypt(self._token)
        return self._plaintext

    def token(self) -> str:
        """What is stored: the loaded token unchanged, or the plaintext encrypted now."""
        if self._token is None:
            self._token = encrypt(self._plaintext) if self._plaintext else ""
        return self._token

    def __str__(self) -> str:
        return MASK

    __repr__ = __str__

    def __bool__(self) -> bool:
        return bool(self._token) if self._plaintext is None else bool(self._plaintext)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        if self._token is not None and self._token == other._token:
            return True
        try:
            return self.reveal() == other.reveal()
        except CredentialsUnavailable:
            return False

    __hash__ = None  # equal secrets may have different tokens


def _derived_key(key_material: str) -> Fernet:
    # Domain-separated so the derived key is useless for anything else SECRET_KEY signs.
    digest = hashlib.sha256(b"saleor-services/provisioning-password\0" + key_material.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


@functools.cache
def _multi_fernet(key_materials: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([_derived_key(material) for material in key_materials])


def key_materials() -> tuple[str, ...]:
    """The configured keys, newest (the one that encrypts) first."""
    configured = get_settings()
    if configured.ENCRYPTION_KEYS:
        return configured.ENCRYPTION_KEYS
    if configured.ENCRYPTION_KEY:
        return (configured.ENCRYPTION_KEY,)
    fallbacks = getattr(django_settings, "SECRET_KEY_FALLBACKS", None) or ()
    return tuple(dict.fromkeys([django_settings.SECRET_KEY, *fallbacks]))


def _cipher() -> MultiFernet:
    return _multi_fernet(key_materials())


def encrypt(plaintext: str) -> str:
    return _cipher().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _cipher().decrypt(token.encode()).decode()
    except (InvalidToken, UnicodeError):
        raise CredentialsUnavailable() from None


def is_current(token: str) -> bool:
    """Whether the newest key decrypts the token (re-encrypting it would change nothing)."""
    try:
        _derived_key(key_materials()[0]).decrypt(token.encode())
    except (InvalidToken, UnicodeError):
        return False
    return True


def reencrypt(token: str) -> str:
    """The token encrypted with the newest key; raises CredentialsUnavailable."""
    try:
        return _cipher().rotate(token.encode()).decode()
    except (InvalidToken, UnicodeError):
        raise CredentialsUnavailable() from None


class EncryptedSecretField(models.TextField):
    """Stores a `Secret` encrypted; empty string means no secret. Loading never decrypts."""

    def from_db_value(self, value, expression, connection):
        return Secret.stored(value or "")

    def to_python(self, value):
        if isinstance(value, Secret):
            return value
        return Secret(value or "")

    def get_prep_value(self, value):
        if isinstance(value, Secret):
            return value.token()
        return encrypt(value) if value else ""

    def value_to_string(self, obj):
        return MASK


def empty_secret() -> Secret:
    return Secret("")
