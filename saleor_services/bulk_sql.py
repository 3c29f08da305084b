"""One UPDATE for many rows with different values, without bulk_update's per-row CASE."""

from django.db import connection
from django.db.models import Model


def update_rows(objs: list[Model], fields: list[str]) -> None:
    """`UPDATE t SET f = v.f … FROM (VALUES (pk, f…), …) AS v WHERE t.pk = v.pk`."""
    if not objs:
        return
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
        f"{quote(field.column)} = v.{name}" for field, name in zip(columns, names[1:])
    )
    sql = (
        f"UPDATE {quote(meta.db_table)} AS t SET {assignments} "
        f"FROM (VALUES {', '.join([row] * len(objs))}) AS v ({', '.join(names)}) "
        f"WHERE t.{quote(pk.column)} = v.pk"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
