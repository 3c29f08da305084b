"""Exact service counts per status, from the trigger-kept `ServiceStatusCount` rows."""

from collections.abc import Collection

from django.db import connections, transaction
from django.db.models import Sum

from .models import ServiceStatusCount
from .selectors import shown_statuses


def service_status_totals(*, using: str = "default") -> dict[str, int]:
    rows = ServiceStatusCount.objects.using(using).values("status").annotate(total=Sum("delta"))
    return {row["status"]: row["total"] for row in rows.order_by()}


def service_count(
    *, statuses: Collection[str] | None = None, include_archived: bool = False, using: str = "default"
) -> int:
    """How many services a list filtered by status alone holds."""
    shown = shown_statuses(statuses=statuses, include_archived=include_archived)
    totals = service_status_totals(using=using)
    return sum(total for status, total in totals.items() if status in shown)


def service_status_counts_compact(*, using: str = "default") -> int:
    """Fold the appended rows into one per status; returns how many rows remain.

    Rows appended by transactions still running are invisible to the DELETE and stay;
    a concurrent compaction skips the rows this one took, so no change is counted twice.
    """
    table = ServiceStatusCount._meta.db_table
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute(
            f"""WITH folded AS (DELETE FROM {table} RETURNING status, delta)
            INSERT INTO {table} (status, delta)
            SELECT status, sum(delta) FROM folded GROUP BY status HAVING sum(delta) <> 0"""
        )
        return cursor.rowcount
