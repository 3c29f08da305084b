"""Calendar arithmetic of billing cycles, anchored to a day of the month."""

import calendar
from datetime import date, timedelta

from ..enums import BillingCycle

MONTHS_PER_CYCLE = {
    BillingCycle.MONTHLY: 1,
    BillingCycle.QUARTERLY: 3,
    BillingCycle.SEMIANNUALLY: 6,
    BillingCycle.ANNUALLY: 12,
    BillingCycle.BIENNIALLY: 24,
    BillingCycle.TRIENNIALLY: 36,
}


def is_recurring(cycle: str) -> bool:
    return cycle in MONTHS_PER_CYCLE


def add_cycles(start: date, cycle: str, *, anchor_day: int, count: int = 1) -> date:
    """`start` moved by `count` cycles, on `anchor_day` or the month's last day.

    Anchoring keeps a 31 Jan monthly service on 28/29 Feb and then back on 31 Mar,
    instead of drifting to the 28th for ever.
    """
    months = MONTHS_PER_CYCLE[BillingCycle(cycle)] * count
    month_index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(anchor_day, last_day))


def shift_by_cycles(
    due: date, cycle: str, *, anchor_day: int, paused_days: int = 0, count: int = 1
) -> date:
    """A service's due date `count` cycles from `due`.

    Due dates are the anchored dates shifted by the days the service was paused; the
    shift is taken off, the cycles added on the anchor, and the shift put back, so a
    pause (of any length, 0 days included) never moves the anchor.
    """
    shift = timedelta(days=paused_days)
    return add_cycles(due - shift, cycle, anchor_day=anchor_day, count=count) + shift


def first_due_date(start: date, cycle: str) -> date | None:
    if not is_recurring(cycle):
        return None
    return add_cycles(start, cycle, anchor_day=start.day)
