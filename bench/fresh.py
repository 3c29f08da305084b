"""Sweep claims on a freshly bulk-loaded table: `python -m bench.fresh SIZE` (its own
database: it empties the services table).

Loads SIZE services with COPY and runs no ANALYZE (the tables have never been analysed,
as after an import with autovacuum not yet round), then runs the whole daily run, rolled
back, noting the plan of every claim (`SELECT … FOR UPDATE SKIP LOCKED`) as PostgreSQL
chose it at that moment; then ANALYZE and the same again. Prints markdown rows.
"""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "standalone.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench import dataset  # noqa: E402
from bench.measure import timed  # noqa: E402
from saleor_services import automation  # noqa: E402


def _shape(plan: dict) -> str:
    """The plan's nodes, each with the index it reads: what a collapse would change."""
    node = plan["Node Type"] + (f" {plan['Index Name']}" if "Index Name" in plan else "")
    children = [_shape(child) for child in plan.get("Plans", [])]
    return node + (f"({', '.join(children)})" if children else "")


def claim_plans(repeat: int) -> tuple[list, dict[str, list[str]]]:
    """Time the whole run; the plan of each claim, by step."""
    plans: dict[str, list[str]] = {}
    step = {"name": ""}

    def explain(execute, sql, params, many, context):
        if "SKIP LOCKED" in sql and not sql.startswith("EXPLAIN"):
            with context["connection"].cursor() as cursor:
                cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
                explained = cursor.fetchone()[0]
            explained = json.loads(explained) if isinstance(explained, str) else explained
            shape = _shape(explained[0]["Plan"])
            plans.setdefault(step["name"], [])
            if shape not in plans[step["name"]]:
                plans[step["name"]].append(shape)
        return execute(sql, params, many, context)

    def run_noting_plans():
        for name in automation.STEPS:
            step["name"] = name
            automation.run_step(name, dataset.BENCH_DAY)

    with connection.execute_wrapper(explain):
        timed("plans", run_noting_plans, repeat=1, rollback=True)
    figures = [timed(f"step {name}", lambda name=name: automation.run_step(name, dataset.BENCH_DAY),
                     repeat=repeat, rollback=True) for name in automation.STEPS]
    figures.append(timed("whole daily run", lambda: automation.run_daily_automation(dataset.BENCH_DAY),
                         repeat=repeat, rollback=True))
    return figures, plans


def main():
    size, repeat = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE saleor_services_service CASCADE")
    dataset.grow_to(size)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(max(greatest(last_analyze, last_autoanalyze)::text), 'never') FROM pg_stat_user_tables "
            "WHERE relname IN ('saleor_services_service', 'saleor_services_renewal')"
        )
        analysed = cursor.fetchone()[0]
    fresh, fresh_plans = claim_plans(repeat)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    settled, settled_plans = claim_plans(repeat)
    print(f"{size:,} services just loaded with COPY; last ANALYZE of services and renewals: {analysed}.")
    print()
    print("| measurement | never analysed: min | median | max | after ANALYZE: min | median | max |")
    print("|---|---|---|---|---|---|---|")
    for before, after in zip(fresh, settled, strict=True):
        print(f"| {before.name} | " + " | ".join(f"{v:.1f}" for v in (*before.spread(), *after.spread())) + " |")
    print()
    print("| step | claim plans, never analysed | after ANALYZE | same |")
    print("|---|---|---|---|")
    for name in automation.STEPS:
        before, after = fresh_plans.get(name, []), settled_plans.get(name, [])
        print(f"| {name} | {'<br>'.join(before)} | {'<br>'.join(after)} | {'yes' if before == after else '**no**'} |")


if __name__ == "__main__":
    main()
