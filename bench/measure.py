"""Repeat, time, count queries; report min / median / max."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction


@dataclass
class Figure:
    name: str
    seconds: list[float]
    queries: int | None = None
    note: str = ""
    # CPU time of this process (no waiting for the database or for a core).
    cpu_seconds: list[float] = field(default_factory=list)

    def spread(self) -> tuple[float, float, float]:
        """min / median / max in ms."""
        ms = [s * 1000 for s in self.seconds]
        return min(ms), statistics.median(ms), max(ms)

    def row(self) -> str:
        ms = [s * 1000 for s in self.seconds]
        return (
            f"| {self.name} | {min(ms):.1f} | {statistics.median(ms):.1f} | {max(ms):.1f} | "
            f"{'' if self.queries is None else self.queries} | {self.note} |"
        )


class Rollback(Exception):
    pass


TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "SET CONSTRAINTS")


def _counting(statements: list[str]):
    """A query wrapper that notes every statement (Django's own log stops at 9,000)."""

    def wrapper(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def timed(name: str, action: Callable[[], object], *, repeat: int, rollback: bool = False, note: str = "") -> Figure:
    """Run `action` `repeat` times (each in a rolled-back transaction if asked)."""
    seconds, cpu, queries = [], [], None
    for _ in range(repeat):
        statements = []
        with connection.execute_wrapper(_counting(statements)):
            start, start_cpu = time.perf_counter(), time.process_time()
            if rollback:
                try:
                    with transaction.atomic():
                        # Rolled back, the deferred foreign-key checks would never run; a
                        # real commit pays for them, so the measurement does too.
                        with connection.cursor() as cursor:
                            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                        action()
                        raise Rollback
                except Rollback:
                    pass
            else:
                action()
            seconds.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        counted = len([sql for sql in statements if not sql.startswith(TRANSACTION_CONTROL)])
        queries = counted if queries is None else max(queries, counted)
    return Figure(name, seconds, queries, note, cpu)
