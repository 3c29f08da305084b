"""The daily steps' queries do not grow with the rows they change (no per-row query)."""

from datetime import date, timedelta

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from saleor_services import automation
from saleor_services.creation import create_services_for_paid_order

from ..conftest import order_line, paid_order

START = date(2026, 6, 1)  # monthly: due on 1 July
DUE = date(2026, 7, 1)
DAYS = [
    ("generate_renewals", DUE - timedelta(days=7)),
    ("send_reminders", DUE - timedelta(days=7)),
    ("warn_before_suspension", DUE + timedelta(days=2)),
    ("suspend_overdue", DUE + timedelta(days=3)),
]


def queries_per_step(customer, count: int) -> dict[str, int]:
    queries = {}
    with transaction.atomic():
        create_services_for_paid_order(paid_order(customer, order_line(quantity=count)), today=START)
        for step, day in DAYS:
            with CaptureQueriesContext(connection) as captured:
                assert automation.run_step(step, day) == count
            queries[step] = len(captured)
        transaction.set_rollback(True)
    return queries


def test_each_step_runs_the_same_queries_for_3_and_for_60_due_services(customer, plan):
    assert queries_per_step(customer, 3) == queries_per_step(customer, 60)
