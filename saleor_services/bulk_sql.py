"""Bulk writes of many rows in one short statement, for the daily automation's batches."""

from django.db import connections
from django.db.models import Model


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
    """`UPDATE t SET f = v.f … FROM (VALUES (pk, f…), …) AS v WHERE t.pk = v.pk`.

    One UPDATE for many rows with different values, without bulk_update's per-row CASE.
    """
    if not objs:
        return
    connection = connections[using]
    model = type(objs[0])
    meta = model._meta
    quote = connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    pk = meta.pk
    casts = [f"%s::{pk.db_type(connection)}"] + [f"%s::{field.db_type(connection)}" for field in columns]
    row = "(" + ", ".join(casts) + ")"
    params = []
    for obj in objs:
        params.append(pk.get_db_prep_save(obj.pk, connection))
        params.extend(field.get_db_prep_save(getattr(obj, field.attname), connection) for field in columns)
    names = ["pk", *(f"c{index}" for index in range(len(columns)))]
    assignments = ", ".join(
        f"{quote(field.column)} = v.{name}" for field, name in zip(columns, names[1:], strict=True)
    )
    sql = (
        f"UPDATE {quote(meta.db_table)} AS t SET {assignments} "
        f"FROM (VALUES {', '.join([row] * len(objs))}) AS v ({', '.join(names)}) "
        f"WHERE t.{quote(pk.column)} = v.pk"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
