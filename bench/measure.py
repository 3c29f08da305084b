"""Repeat, time, count queries; report min / median / max."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext


@dataclass
class Figure:
    name: str
    seconds: list[float]
    queries: int | None = None
    note: str = ""

    def row(self) -> str:
        ms = [s * 1000 for s in self.seconds]
        return (
            f"| {self.name} | {min(ms):.1f} | {statistics.median(ms):.1f} | {max(ms):.1f} | "
            f"{'' if self.queries is None else self.queries} | {self.note} |"
        )


class Rollback(Exception):
    pass


def timed(name: str, action: Callable[[], object], *, repeat: int, rollback: bool = False, note: str = "") -> Figure:
    """Run `action` `repeat` times (each in a rolled-back transaction if asked)."""
    seconds, queries = [], None
    for _ in range(repeat):
        # Django keeps the last 9,000 queries only; start each run from an empty log.
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            if rollback:
                try:
                    with transaction.atomic():
                        action()
                        raise Rollback
                except Rollback:
                    pass
            else:
                action()
            seconds.append(time.perf_counter() - start)
        counted = len([q for q in captured.captured_queries
                       if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT"))])
        queries = counted if queries is None else max(queries, counted)
    return Figure(name, seconds, queries, note)
