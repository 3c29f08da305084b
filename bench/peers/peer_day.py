"""What both peer drivers share (plans_day.py, silver_day.py): their arguments, their
database settings, and a day's work timed in a transaction rolled back after its
constraint checks. Plain Django: it runs under each peer's own Python and Django."""

import json
import sys
import time
from collections.abc import Callable
from urllib.parse import urlsplit


def arguments() -> tuple[str, int, str, int]:
    """DATABASE_URL SIZE build|run [--repeat N]."""
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1
    return sys.argv[1], int(sys.argv[2]), sys.argv[3], repeat


def base_settings(database_url: str) -> dict:
    url = urlsplit(database_url)
    return {
        "DEBUG": False,
        "SECRET_KEY": "bench",
        "USE_TZ": True,
        "TIME_ZONE": "UTC",
        "DEFAULT_AUTO_FIELD": "django.db.models.AutoField",
        "DATABASES": {"default": {
            "ENGINE": "django.db.backends.postgresql", "NAME": url.path.lstrip("/"),
            "USER": url.username or "postgres", "HOST": url.hostname or "127.0.0.1", "PORT": url.port or 5432,
        }},
        "LOGGING": {"version": 1, "disable_existing_loggers": True},
    }


class _Rollback(Exception):
    pass


def timed_day(day: Callable[[], dict]) -> dict:
    """`day()` (it returns what it wrote), timed, its queries counted, rolled back."""
    from django.db import connection, transaction

    work, count = {}, [0]

    def counting(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    start, start_cpu = time.perf_counter(), time.process_time()
    try:
        with connection.execute_wrapper(counting), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            work = day()
            raise _Rollback
    except _Rollback:
        pass
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - start_cpu,
            "queries": count[0], "work": work}


def main(action: str, repeat: int, *, build: Callable[[], int], run_once: Callable[[], dict]) -> None:
    if action == "build":
        print(json.dumps({"built": build()}))
    else:
        for _ in range(repeat):
            print(json.dumps(run_once()), flush=True)
