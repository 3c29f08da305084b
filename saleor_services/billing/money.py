"""Money in the currency's precision (JPY 0 decimals, USD 2, KWD 3), as the host
quantises prices, and formatted per locale."""

from decimal import Decimal

from babel.numbers import format_currency, get_currency_precision

from ..host import get_host


def currency_precision(currency: str) -> int:
    return get_currency_precision(currency)


def quantize_money(amount: Decimal, currency: str) -> Decimal:
    """`amount` in `currency`'s precision, rounded as the host rounds prices
    (inside Saleor: Saleor's own `quantize_price`)."""
    return get_host().quantize_price(Decimal(amount), currency)


def has_currency_precision(amount: Decimal, currency: str) -> bool:
    """True when `amount` has no more decimals than `currency` allows."""
    return Decimal(amount) == Decimal(amount).quantize(Decimal(10) ** -currency_precision(currency))


def format_money(amount: Decimal, currency: str, *, locale: str) -> str:
    """`amount` as a person reading `locale` writes it: "$9.99", "9,99 €", "¥1,000"."""
    return format_currency(quantize_money(amount, currency), currency, locale=locale.replace("-", "_"))
