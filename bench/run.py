"""The benchmark suite: `python -m bench.run` (see scripts/bench). Writes bench/RESULTS.md."""

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import uuid
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "standalone.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Permission  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench import dataset  # noqa: E402
from bench.floor import floor_day  # noqa: E402
from bench.measure import Figure, timed  # noqa: E402
from bench.naive import naive_daily_run  # noqa: E402
from bench.same_changes import day_changes, differences  # noqa: E402
from saleor_services import automation  # noqa: E402
from saleor_services.creation import PaidOrder, PaidOrderLine, create_services_for_paid_order  # noqa: E402
from saleor_services.graphql.pagination import encode_cursor  # noqa: E402
from saleor_services.graphql.sorting import SERVICE_SORT_KEYS  # noqa: E402
from saleor_services.models import Service  # noqa: E402
from standalone.auth import issue_token  # noqa: E402

ROOT = Path(__file__).resolve().parent


def dashboard_fragment() -> str:
    """The fields of a row of the Dashboard's services list, read from the extension's own
    query (`fragment ServiceRow`), so the bench measures what the Dashboard asks for."""
    source = (ROOT.parent / "dashboard-extension" / "src" / "queries.ts").read_text()
    found = re.search(r"fragment ServiceRow on Service \{(.*?)\n  \}", source, re.S)
    if found is None:
        sys.exit("bench: `fragment ServiceRow` not found in dashboard-extension/src/queries.ts")
    return " ".join(found.group(1).split())


FRAGMENT = dashboard_fragment()
# The rows with what the service page shows besides: renewals, the open cancellation
# request and the events count (one batch query each).
FULL_FRAGMENT = f"{FRAGMENT} eventsCount renewals {{ id status }} cancellationRequest {{ id status }}"
PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
SERVICES = f"""query($sort: ServiceSortingInput, $after: String) {{
  services(first: 100, after: $after, sortBy: $sort, filter: {{includeArchived: true}}) {{
    totalCount {PAGE_INFO} edges {{ node {{ {FRAGMENT} }} }} }} }}"""
SERVICES_FULL = SERVICES.replace(FRAGMENT, FULL_FRAGMENT)
MY_SERVICES = f"""{{ myServices(first: 20) {{ totalCount {PAGE_INFO} edges {{ node {{ {FRAGMENT} }} }} }} }}"""
SEARCH = f"""query($search: String) {{
  services(first: 100, search: $search) {{ totalCount {PAGE_INFO} edges {{ node {{ {FRAGMENT} }} }} }} }}"""
MY_SEARCH = f"""query($search: String) {{
  myServices(first: 20, search: $search) {{ totalCount {PAGE_INFO} edges {{ node {{ {FRAGMENT} }} }} }} }}"""


def search_terms(size: int) -> list[tuple[str, str]]:
    """What staff type into the search box, as the dataset spells it (bench/dataset.py)."""
    row = size // 3  # a service in the middle of the table
    return [
        ("a domain's prefix", f"site{row // 100}"),
        ("a fragment of a domain", f"te{row}.exa"),
        ("a fragment of an e-mail", f"c{row % 50_000}@"),
        ("a customer's name", f"Customer {row % 50_000}"),
        ("no match", "no-such-service"),
        ("a product name (40 % of the rows)", "Hosting"),
        ("in every row", "example"),
        # In no row, and every trigram pg_trgm sees in it (it ignores the dot) is in every
        # row: only the index that spells separators (migration 0017) narrows it.
        ("only common trigrams, in no row", "c.com"),
    ]
BULK = "mutation($ids: [ID!]!) { serviceBulkSuspend(ids: $ids) { count errors { code } } }"


def staff():
    user, _ = get_user_model().objects.get_or_create(
        username="bench-staff", defaults={"email": "staff@bench.example", "is_staff": True}
    )
    user.user_permissions.add(Permission.objects.get(codename="manage_orders"))
    return get_user_model().objects.get(pk=user.pk)


def post(client, user, query, variables=None):
    response = client.post(
        "/graphql/", {"query": query, "variables": variables or {}}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issue_token(user)}",
    )
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body


def deep_cursor(field: str, position: int) -> str:
    """The cursor of row `position` in a sort (found with OFFSET here, in the bench only)."""
    keys = SERVICE_SORT_KEYS[field]
    aliases = {f"_sort_{i}": key.expression for i, key in enumerate(keys)}
    row = Service.objects.annotate(**aliases).order_by(*aliases, "pk").values(*aliases, "pk")[position]
    return encode_cursor([row[a] for a in aliases] + [row["pk"]])


def hook_figures(repeat):
    plan = dataset.plans()[0]
    figures = []
    for lines in (1, 10, 50):
        def action(lines=lines):
            order = PaidOrder(
                order_id=uuid.uuid4(), channel_slug="default-channel", currency="USD", user_id=None,
                user_email="hook@example.com", lines=tuple(
                    PaidOrderLine(line_id=uuid.uuid4(), variant_id=plan.variant_id, product_id=plan.product_id,
                                  product_name=plan.name, variant_name="", quantity=1, unit_price=Decimal("9.99"))
                    for _ in range(lines)
                ),
            )
            create_services_for_paid_order(order)
        figures.append(
            timed(f"create_services_for_paid_order, {lines} service line(s)", action, repeat=repeat, rollback=True)
        )
    return figures


def list_figures(size, repeat, client, user):
    figures = []
    deep = int(size * 0.9)
    for field in SERVICE_SORT_KEYS:
        sort = {"field": field, "direction": "ASC"}
        figures.append(timed(f"services(first: 100) sorted by {field}, first page", lambda sort=sort: post(
            client, user, SERVICES, {"sort": sort}), repeat=repeat))
        cursor = deep_cursor(field, deep)
        figures.append(timed(
            f"services(first: 100) sorted by {field}, after row {deep:,}",
            lambda sort=sort, cursor=cursor: post(client, user, SERVICES, {"sort": sort, "after": cursor}),
            repeat=repeat,
        ))
    sort = {"field": "CREATED_AT", "direction": "ASC"}
    figures.append(timed(
        "services(first: 100) sorted by CREATED_AT, first page, with renewals, cancellation request, events count",
        lambda: post(client, user, SERVICES_FULL, {"sort": sort}), repeat=repeat,
    ))
    figures.append(timed("myServices(first: 20)", lambda: post(client, dataset.customer(), MY_SERVICES), repeat=repeat))
    return figures


def search_figures(size, repeat, client, user):
    figures = []
    searches = [(f"services(first: 100, search: {term!r}), {label}", user, SEARCH, term)
                for label, term in search_terms(size)]
    searches += [(f"myServices(first: 20, search: {term!r})", dataset.customer(), MY_SEARCH, term)
                 for term in ("site1", "no-such-service")]
    for name, requestor, query, term in searches:
        found = {}

        def search(requestor=requestor, query=query, term=term, found=found):
            found.update(next(iter(post(client, requestor, query, {"search": term})["data"].values())))

        figure = timed(name, search, repeat=repeat)
        total = found["totalCount"]
        figure.note = "totalCount null (too many to count)" if total is None else f"totalCount {total:,}"
        figures.append(figure)
    return figures


def automation_figures(repeat, *, naive: bool):
    figures = []
    for name in automation.STEPS:
        figures.append(timed(f"step {name}", lambda name=name: automation.run_step(name, dataset.BENCH_DAY),
                             repeat=repeat, rollback=True))
    changed = {}
    whole = timed("whole daily run", lambda: changed.update(automation.run_daily_automation(dataset.BENCH_DAY)),
                  repeat=repeat, rollback=True)
    # Both runs must do the bench day's work exactly, or the comparison means nothing.
    assert {k: v for k, v in changed.items() if k in dataset.DAY_WORK} == dataset.DAY_WORK, changed
    whole.note = f"{sum(dataset.DAY_WORK.values()):,} changes"
    figures.append(whole)
    # The floor must write what the run writes, row for row, or it is not the run's floor.
    unlike = differences(day_changes(lambda: automation.run_daily_automation(dataset.BENCH_DAY)),
                         day_changes(lambda: floor_day(dataset.BENCH_DAY)))
    assert not unlike, "bench/floor.py writes other changes than the run:\n" + "\n".join(unlike)
    floor_changed = {}
    floor = timed("SQL floor: the same changes, one set-based statement per step (bench/floor.py)",
                  lambda: floor_changed.update(floor_day(dataset.BENCH_DAY)), repeat=repeat, rollback=True)
    assert floor_changed == dataset.DAY_WORK, floor_changed
    whole.note += f"; {statistics.median(whole.seconds) / statistics.median(floor.seconds):.1f}× the floor (medians)"
    figures.append(floor)
    if naive:
        naive_changed = {}
        slow = timed("naive per-row loop, same work", lambda: naive_changed.update(naive_daily_run(dataset.BENCH_DAY)),
                     repeat=1, rollback=True)
        assert naive_changed == dataset.DAY_WORK, naive_changed
        ratio = min(slow.seconds) / min(whole.seconds)
        slow.note = f"{ratio:.0f}× the whole set-based run"
        figures.append(slow)
    return figures


def bulk_figure(repeat, client, user):
    from saleor_services.graphql.ids import global_id

    # Active services outside the bench day's due work.
    first = dataset.FIXED
    ids = Service.objects.filter(status="ACTIVE").order_by("pk").values_list("pk", flat=True)[first:first + 100]
    gids = [global_id("Service", pk) for pk in ids]
    assert len(gids) == 100
    return timed(
        "serviceBulkSuspend of 100", lambda: post(client, user, BULK, {"ids": gids}), repeat=repeat, rollback=True
    )


def rss_figure():
    output = subprocess.run(
        [sys.executable, "-m", "bench.worker_rss"], capture_output=True, text=True, check=True, cwd=ROOT.parent
    ).stdout.split()
    before, peak, changed = (int(value) for value in output[-3:])
    return (
        f"Peak RSS of a process running the whole daily run: {peak / 1024:.0f} MB "
        f"(after Django set-up: {before / 1024:.0f} MB; {changed:,} rows changed, rolled back)."
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--results", default=str(ROOT / "RESULTS.md"))
    parser.add_argument("--naive", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--fresh", action="store_true", help="start from an empty dataset")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.fresh:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE saleor_services_service CASCADE")
    if Service.objects.count() > sizes[0]:
        sys.exit(
            f"The bench database already holds {Service.objects.count():,} services, more than "
            f"{sizes[0]:,}: run with --fresh (or larger --sizes) so every section is labelled right."
        )
    client, user = Client(), staff()
    sections = [
        "# Benchmark results", "",
        f"Machine: {platform.node()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"PostgreSQL {connection.cursor().connection.info.server_version}. Date: {datetime.now():%Y-%m-%d %H:%M}. "
        f"Repeats: {args.repeat} (the naive loop once). Times in ms (min / median / max); "
        "queries: the most in one run.",
        "",
        f"Dataset: `bench/dataset.py`; at every size the bench day has the same due work "
        f"({', '.join(f'{step} {count:,}' for step, count in dataset.DAY_WORK.items())}). "
        "Changes made by a measurement are rolled back, after their deferred constraint checks ran.", "",
    ]
    header = ["| measurement | min | median | max | queries | note |", "|---|---|---|---|---|---|"]
    for size in sizes:
        added = dataset.grow_to(size)
        dataset.settle()
        # The hook inserts into every index of the services table: measured at each size.
        figures: list[Figure] = hook_figures(args.repeat)
        figures += list_figures(size, args.repeat, client, user)
        figures += search_figures(size, args.repeat, client, user)
        figures += automation_figures(max(1, args.repeat // 2), naive=args.naive)
        figures.append(bulk_figure(args.repeat, client, user))
        sections += [f"## {size:,} services ({added:,} added for this section)", "", *header,
                     *(f.row() for f in figures), "", rss_figure(), ""]
        print(f"measured at {size:,} services", flush=True)
    Path(args.results).write_text("\n".join(sections) + "\n")
    print(f"Results written to {args.results}")


if __name__ == "__main__":
    main()
