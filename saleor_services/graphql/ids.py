"""Relay global ids, decoded strictly: wrong type or garbage is refused, never guessed."""

import base64
import binascii

from graphql_relay import to_global_id

from ..errors import ServiceError, ServiceErrorCode

MAX_PK = 2**63 - 1


def global_id(type_name: str, pk) -> str:
    return to_global_id(type_name, str(pk))


def optional_global_id(type_name: str, pk) -> str | None:
    return global_id(type_name, pk) if pk is not None else None


def decode_id(value, expected_type: str, *, field: str = "id") -> int:
    """The integer pk in a global id of `expected_type`, or a typed refusal."""
    refusal = ServiceError(
        ServiceErrorCode.GRAPHQL_ERROR,
        f"Couldn't resolve id: {str(value)[:100]!r}; expected a {expected_type} id.",
        field=field,
    )
    if not isinstance(value, str) or not value or len(value) > 200:
        raise refusal
    try:
        decoded = base64.b64decode(value, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise refusal from None
    type_name, _, raw_pk = decoded.partition(":")
    if type_name != expected_type or not raw_pk.isascii() or not raw_pk.isdigit():
        raise refusal
    pk = int(raw_pk)
    if not 0 < pk <= MAX_PK:
        raise refusal
    return pk


def decode_ids(values, expected_type: str, *, field: str = "ids") -> list[int]:
    return [decode_id(value, expected_type, field=field) for value in values]
