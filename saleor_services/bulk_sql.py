"""Bulk writes of many rows in one short statement, for the daily automation's batches."""

from typing import NamedTuple

from django.db import connections
from django.db.models import Model


class Written(NamedTuple):
    """What `write_with_events` wrote: the changed rows' ids in order, and whether an
    event owes an e-mail."""

    ids: list[int]
    emails_owed: bool


def insert_rows(
    objs: list[Model], *, using: str = "default", skip_existing: tuple[str, ...] | None = None
) -> list[Model]:
    """`INSERT … SELECT * FROM UNNEST(%s::type[], …) RETURNING pk`; sets each object's pk.

    The statement bulk_create writes on PostgreSQL, without its per-value compiler work
    (a third of a batch's time). Fields' `pre_save` (auto_now) and database preparation
    apply as in a save; array columns, which UNNEST cannot carry, are refused.

    `skip_existing` names the columns of a unique constraint: rows it already holds (or a
    concurrent transaction is inserting) are skipped (`ON CONFLICT … DO NOTHING`), and only
    the objects inserted are returned.
    """
    if not objs:
        return objs
    connection = connections[using]
    meta = type(objs[0])._meta
    pk = meta.pk
    fields = [field for field in meta.concrete_fields if field is not pk and not field.generated]
    columns = []
    for field in fields:
        db_type = field.db_type(connection).split("(")[0]
        assert not db_type.endswith("]"), f"{field.name}: UNNEST cannot carry array columns"
        columns.append(
            (f"%s::{db_type}[]", [field.get_db_prep_save(field.pre_save(obj, True), connection) for obj in objs])
        )
    quote = connection.ops.quote_name
    unique = [meta.get_field(name) for name in skip_existing or ()]
    conflict = f"ON CONFLICT ({', '.join(quote(f.column) for f in unique)}) DO NOTHING " if unique else ""
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"SELECT * FROM UNNEST({', '.join(placeholder for placeholder, _ in columns)}) "
        f"{conflict}RETURNING {', '.join(quote(f.column) for f in [pk, *unique])}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [values for _, values in columns])
        rows = cursor.fetchall()
    if unique:
        by_key = {tuple(getattr(obj, f.attname) for f in unique): obj for obj in objs}
        inserted = [(by_key[tuple(row[1:])], row[0]) for row in rows]
    else:
        inserted = [(obj, row[0]) for obj, row in zip(objs, rows, strict=True)]
    for obj, value in inserted:
        setattr(obj, pk.attname, value)
        obj._state.adding = False
        obj._state.db = using
    return [obj for obj, _value in inserted]


def update_rows(objs: list[Model], fields: list[str], *, using: str = "default") -> None:
    """`UPDATE t SET f = v.f … FROM UNNEST(%s::pk[], %s::f[], …) AS v WHERE t.pk = v.pk`.

    One UPDATE for many rows with different values, without bulk_update's per-row CASE,
    and one parameter per column (not one per value: the driver splits and quotes every
    placeholder in Python). Array columns, which UNNEST cannot carry, are refused.
    """
    if not objs:
        return
    connection = connections[using]
    meta = type(objs[0])._meta
    quote = connection.ops.quote_name
    pk = meta.pk
    columns = [pk, *(meta.get_field(name) for name in fields)]
    arrays = []
    for index, field in enumerate(columns):
        db_type = field.db_type(connection).split("(")[0]
        assert not db_type.endswith("]"), f"{field.name}: UNNEST cannot carry array columns"
        value = (lambda obj: obj.pk) if index == 0 else (lambda obj, field=field: getattr(obj, field.attname))
        arrays.append((f"%s::{db_type}[]", [field.get_db_prep_save(value(obj), connection) for obj in objs]))
    names = ["pk", *(f"c{index}" for index in range(len(fields)))]
    assignments = ", ".join(
        f"{quote(field.column)} = v.{name}" for field, name in zip(columns[1:], names[1:], strict=True)
    )
    sql = (
        f"UPDATE {quote(meta.db_table)} AS t SET {assignments} "
        f"FROM UNNEST({', '.join(placeholder for placeholder, _ in arrays)}) AS v ({', '.join(names)}) "
        f"WHERE t.{quote(pk.column)} = v.pk"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [values for _, values in arrays])


def _select_list(target: type[Model], given: dict[str, tuple[str, list]], instance: Model, connection):
    """Column names, the SELECT list and its parameters: `given` columns' SQL (with its
    parameters), every other column its Python default as a save would write it."""
    quote = connection.ops.quote_name
    names, expressions, params = [], [], []
    for field in target._meta.concrete_fields:
        if field.primary_key or field.generated:
            continue
        names.append(quote(field.column))
        if field.column in given:
            sql, values = given[field.column]
            expressions.append(sql)
            params.extend(values)
        else:
            expressions.append(f"%s::{field.db_type(connection)}")
            params.append(field.get_db_prep_save(field.pre_save(instance, True), connection))
    return ", ".join(names), ", ".join(expressions), params


def insert_select(
    model: type[Model],
    source: str,
    params: list,
    *,
    columns: dict[str, str],
    event,
    event_parameters: str,
    email_owed: str,
    using: str = "default",
) -> Written:
    """`WITH src AS (source) INSERT INTO model … SELECT … FROM src`, and one activity-log
    event per row inserted, in one statement: nothing is read into Python.

    `source` must yield a `service_id` column, at most one row per service, in the order
    the rows are to be numbered; `columns` maps the model's columns to SQL over `src`;
    every other column gets its Python default (auto_now fields: now), as a save would
    write it. The rest is `write_with_events`'.
    """
    connection = connections[using]
    names, select, defaults = _select_list(
        model, {column: (sql, []) for column, sql in columns.items()}, model(), connection
    )
    return write_with_events(
        source,
        params,
        change=(
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({names}) "
            f"SELECT {select} FROM src ORDER BY src.service_id RETURNING id, service_id"
        ),
        change_params=defaults,
        join="src.service_id = new.service_id",
        event=event,
        event_parameters=event_parameters,
        email_owed=email_owed,
        using=using,
    )


def write_with_events(
    source: str,
    params: list,
    *,
    change: str,
    change_params: list,
    join: str | None,
    event,
    event_parameters: str,
    email_owed: str,
    using: str = "default",
) -> Written:
    """`WITH src AS (source), new AS (change) INSERT INTO events …`: a set-based change
    and one system event per changed row (with `event_parameters`, SQL over `src` and
    `new`, matched by `join`), in one statement. `change` returns `id` and `service_id`;
    an event owes an e-mail where `email_owed` (SQL over `src` and `new`) holds. Without
    `join`, the events are written from `new` alone: an UPDATE returns what they need
    from `src` itself (no second pass over the source). Returns the changed rows' ids in
    order and whether any event owes an e-mail.
    """
    from .actors import SYSTEM
    from .enums import EmailStatus
    from .models import ServiceEvent

    connection = connections[using]
    event_names, event_select, event_params = _select_list(
        ServiceEvent,
        {
            "service_id": ("new.service_id", []),
            "type": ("%s", [str(event)]),
            "parameters": (event_parameters, []),
            "email_status": (
                f"CASE WHEN {email_owed} THEN %s ELSE %s END",
                [str(EmailStatus.PENDING), str(EmailStatus.NOT_REQUIRED)],
            ),
        },
        ServiceEvent(type=event, actor_type=SYSTEM.type, user_id=SYSTEM.user_id, app_id=SYSTEM.app_id),
        connection,
    )
    events = connection.ops.quote_name(ServiceEvent._meta.db_table)
    sql = (
        f"WITH src AS ({source}), new AS ({change}), "
        f"logged AS (INSERT INTO {events} ({event_names}) SELECT {event_select} FROM new "
        f"{f'JOIN src ON {join} ' if join else ''}ORDER BY new.id RETURNING email_status) "
        f"SELECT ARRAY(SELECT id FROM new ORDER BY id), "
        f"COALESCE((SELECT bool_or(email_status = %s) FROM logged), false)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *change_params, *event_params, str(EmailStatus.PENDING)])
        ids, owed = cursor.fetchone()
    return Written(list(ids), owed)
