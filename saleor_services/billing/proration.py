"""Proration by the day, exact in decimals and in the currency's precision."""

from decimal import Decimal

from .money import quantize_money


def prorate(amount: Decimal, *, currency: str, days_left: int, days_in_period: int) -> Decimal:
    """The share of `amount` for the days left of a period, in `currency`'s precision."""
    return quantize_money(amount * days_left / days_in_period, currency)
