"""Proration by the day, exact in decimals."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def prorate(amount: Decimal, *, days_left: int, days_in_period: int) -> Decimal:
    """The share of `amount` for the days left of a period, rounded half up to cents."""
    return (amount * days_left / days_in_period).quantize(CENT, rounding=ROUND_HALF_UP)
