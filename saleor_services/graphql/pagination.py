"""Keyset (cursor) pagination on indexed columns, never OFFSET; Relay-shaped."""

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import BooleanField, F, Func, QuerySet, Value
from graphql import GraphQLError

MAX_PAGE = 100


@dataclass(frozen=True)
class SortKey:
    """One column of a sort order: the expression and how its cursor value reads back."""

    expression: Any
    parse: Callable[[Any], Any] = lambda value: value
    output_field: Any = None


def _dump(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def encode_cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps([_dump(v) for v in values]).encode()).decode()


def _decode_cursor(cursor: str, keys: list[SortKey]) -> list:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        if not isinstance(raw, list) or len(raw) != len(keys) + 1:
            raise ValueError
        values = [key.parse(value) for key, value in zip(keys, raw[:-1], strict=True)]
        pk = raw[-1]
        if not isinstance(pk, int) or not 0 < pk < 2**63:
            raise ValueError
        return [*values, pk]
    except (ValueError, TypeError, UnicodeDecodeError, json.JSONDecodeError, ArithmeticError):
        raise GraphQLError("Received cursor is invalid.") from None


class _RowCompare(Func):
    """`ROW(a, b, …) > ROW(x, y, …)`: one index range scan instead of OR chains."""

    template = "%(expressions)s"
    output_field = BooleanField()

    def __init__(self, left, right, operator: str):
        super().__init__(left, right)
        self.arg_joiner = f" {operator} "


def _row(*expressions) -> Func:
    return Func(*expressions, function="ROW")


@dataclass
class Page:
    nodes: list
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool
    queryset: QuerySet
    # A cheaper exact count than COUNT(*) over the filtered rows, where the caller has one.
    count: Callable[[], int] | None = None

    @property
    def total_count(self) -> int:
        if self.count is not None:
            return self.count()
        return self.queryset.order_by().count()


def _validate_size(first, last) -> tuple[int, bool]:
    if first is not None and last is not None:
        raise GraphQLError("Use either `first` or `last`, not both.")
    if first is None and last is None:
        raise GraphQLError("You must provide a `first` or `last` value to properly paginate.")
    size = first if first is not None else last
    name = "first" if first is not None else "last"
    if size < 0:
        raise GraphQLError(f"`{name}` cannot be negative.")
    if size > MAX_PAGE:
        raise GraphQLError(
            f"Requesting {size} records exceeds the `{name}` limit of {MAX_PAGE} records."
        )
    return size, last is not None


def paginate(
    queryset: QuerySet,
    *,
    keys: list[SortKey],
    descending: bool,
    first: int | None = None,
    last: int | None = None,
    after: str | None = None,
    before: str | None = None,
    count: Callable[[], int] | None = None,
    page_queryset: QuerySet | None = None,
) -> Page:
    """`page_queryset`, when given, is the same rows as `queryset` read for the page
    (fewer columns, annotations the page needs); `queryset` is what is counted."""
    size, backwards = _validate_size(first, last)
    aliases = [f"_sort_{index}" for index in range(len(keys))]
    read = queryset if page_queryset is None else page_queryset
    annotated = read.annotate(**dict(zip(aliases, (key.expression for key in keys), strict=True)))
    columns = [*aliases, "pk"]

    def beyond(cursor: str, forward: bool):
        values = _decode_cursor(cursor, keys)
        params = [
            Value(value, output_field=key.output_field) if key.output_field else Value(value)
            for key, value in zip(keys, values[:-1], strict=True)
        ] + [Value(values[-1])]
        operator = ">" if forward != descending else "<"
        return _RowCompare(_row(*[F(c) for c in columns]), _row(*params), operator)

    page_qs = annotated
    if after:
        page_qs = page_qs.filter(beyond(after, forward=True))
    if before:
        page_qs = page_qs.filter(beyond(before, forward=False))
    # Walking backwards reads the rows in reverse order, then turns them round.
    reverse = descending != backwards
    ordering = [F(c).desc() if reverse else F(c).asc() for c in columns]
    rows = list(page_qs.order_by(*ordering)[: size + 1])
    has_more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    cursors = [encode_cursor([getattr(row, a) for a in aliases] + [row.pk]) for row in rows]
    return Page(
        nodes=rows,
        cursors=cursors,
        has_next_page=has_more if not backwards else bool(before),
        has_previous_page=has_more if backwards else bool(after),
        queryset=queryset,
        count=count,
    )
