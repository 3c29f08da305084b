"""Provisioning passwords: encrypted at rest, masked everywhere they could leak.

The model attribute holds a `Secret`, whose `str`/`repr` are a mask, so a password
cannot slip into a log line, an event or a debug page by accident; `reveal()` is the one
deliberate way to read it.
"""

import base64
import functools
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings as django_settings
from django.db import models

from .conf import get_settings

MASK = "********"


class Secret:
    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __str__(self) -> str:
        return MASK

    __repr__ = __str__

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@functools.cache
def _fernet(key_material: str) -> Fernet:
    # Domain-separated so the derived key is useless for anything else SECRET_KEY signs.
    digest = hashlib.sha256(b"saleor-services/provisioning-password\0" + key_material.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _cipher() -> Fernet:
    return _fernet(get_settings().ENCRYPTION_KEY or django_settings.SECRET_KEY)


def encrypt(plaintext: str) -> str:
    return _cipher().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _cipher().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError(
            "A provisioning password cannot be decrypted: the encryption key "
            "(SALEOR_SERVICES['ENCRYPTION_KEY'] or SECRET_KEY) has changed."
        ) from error


class EncryptedSecretField(models.TextField):
    """Stores a `Secret` encrypted; empty string means no secret."""

    def from_db_value(self, value, expression, connection):
        if not value:
            return Secret("")
        return Secret(decrypt(value))

    def to_python(self, value):
        if isinstance(value, Secret):
            return value
        return Secret(value or "")

    def get_prep_value(self, value):
        plaintext = value.reveal() if isinstance(value, Secret) else (value or "")
        return encrypt(plaintext) if plaintext else ""

    def value_to_string(self, obj):
        return MASK


def empty_secret() -> Secret:
    return Secret("")
