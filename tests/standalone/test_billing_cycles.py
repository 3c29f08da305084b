from datetime import date

import pytest

from saleor_services.billing.cycles import add_cycles, first_due_date
from saleor_services.enums import BillingCycle


@pytest.mark.parametrize(
    ("start", "cycle", "anchor", "expected"),
    [
        (date(2026, 1, 31), BillingCycle.MONTHLY, 31, date(2026, 2, 28)),
        (date(2028, 1, 31), BillingCycle.MONTHLY, 31, date(2028, 2, 29)),
        (date(2026, 2, 28), BillingCycle.MONTHLY, 31, date(2026, 3, 31)),
        (date(2026, 11, 30), BillingCycle.QUARTERLY, 30, date(2027, 2, 28)),
        (date(2026, 8, 31), BillingCycle.SEMIANNUALLY, 31, date(2027, 2, 28)),
        (date(2028, 2, 29), BillingCycle.ANNUALLY, 29, date(2029, 2, 28)),
        (date(2026, 5, 15), BillingCycle.BIENNIALLY, 15, date(2028, 5, 15)),
        (date(2026, 5, 15), BillingCycle.TRIENNIALLY, 15, date(2029, 5, 15)),
    ],
)
def test_add_cycles_keeps_the_anchor_day(start, cycle, anchor, expected):
    assert add_cycles(start, cycle, anchor_day=anchor) == expected


def test_first_due_date():
    assert first_due_date(date(2026, 1, 31), BillingCycle.MONTHLY) == date(2026, 2, 28)
    assert first_due_date(date(2026, 1, 31), BillingCycle.ONE_TIME) is None
