"""What a day wrote, to hold the SQL floor (bench/floor.py) to the run's own changes.

`day_changes(action)` runs `action` in a transaction it rolls back and returns what it
wrote: its events (type, actor, parameters, e-mail status), and the rows of every service
they are about, with those services' renewals and cancellation requests. Ids, creation and
update times differ between two runs of the same day and are left out (a renewal in an
event's parameters is named by its service and period); a request's decision time is the
wall clock, so only whether it was set is kept.
"""

import json
from collections.abc import Callable

from django.db import connection, transaction


class _RolledBack(Exception):
    pass


def _rows(sql: str, params=()) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [column.name for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _written(events_after: int) -> dict[str, list[dict]]:
    events = _rows(
        "SELECT service_id, type, actor_type, user_id, app_id, parameters, email_status, email_attempts, "
        "email_error FROM saleor_services_serviceevent WHERE id > %s ORDER BY service_id, type",
        [events_after],
    )
    service_ids = sorted({event["service_id"] for event in events})
    renewals = _rows(
        "SELECT * FROM saleor_services_renewal WHERE service_id = ANY(%s) ORDER BY service_id, period_start, kind",
        [service_ids],
    )
    periods = {renewal["id"]: [renewal["service_id"], str(renewal["period_start"])] for renewal in renewals}
    for event in events:
        # Django's connection hands JSON columns over as text.
        event["parameters"] = json.loads(event["parameters"])
        if "renewal_id" in event["parameters"]:
            event["parameters"]["renewal_id"] = periods.get(event["parameters"]["renewal_id"])
    services = _rows("SELECT * FROM saleor_services_service WHERE id = ANY(%s) ORDER BY id", [service_ids])
    requests = _rows(
        "SELECT * FROM saleor_services_cancellationrequest WHERE service_id = ANY(%s) ORDER BY service_id, id",
        [service_ids],
    )
    for row in (*renewals, *services, *requests):
        for column in ("created_at", "updated_at", "search_document"):
            row.pop(column, None)
    for renewal in renewals:
        del renewal["id"]
    for request in requests:
        request["decided_at"] = request["decided_at"] is not None
    return {"events": events, "services": services, "renewals": renewals, "cancellation requests": requests}


def day_changes(action: Callable[[], object]) -> dict[str, list[dict]]:
    """What `action` wrote (rolled back afterwards)."""
    written = {}
    try:
        with transaction.atomic():
            [last] = _rows("SELECT COALESCE(MAX(id), 0) AS last FROM saleor_services_serviceevent")
            action()
            written = _written(last["last"])
            raise _RolledBack
    except _RolledBack:
        pass
    return written


def differences(run: dict[str, list[dict]], floor: dict[str, list[dict]]) -> list[str]:
    """Where the floor wrote something else than the run (a few examples per table)."""
    found = []
    for table, rows in run.items():
        others = floor[table]
        if len(rows) != len(others):
            found.append(f"{table}: the run wrote {len(rows)}, the floor {len(others)}")
            continue
        differing = [(row, other) for row, other in zip(rows, others, strict=True) if row != other]
        for row, other in differing[:3]:
            columns = sorted(column for column in row if row[column] != other.get(column))
            found.append(f"{table}: {', '.join(f'{c} {row[c]!r} ≠ {other.get(c)!r}' for c in columns)}")
        if len(differing) > 3:
            found.append(f"{table}: {len(differing) - 3} more rows differ")
    return found
