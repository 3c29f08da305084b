"""Saleor's own shared GraphQL types, used instead of local look-alikes inside Saleor."""

from prices import Money as PricesMoney
from saleor.graphql.core.enums import OrderDirection
from saleor.graphql.core.scalars import JSON, UUID, Date, DateTime, Decimal, PositiveDecimal
from saleor.graphql.core.types.money import Money
from saleor.graphql.meta.inputs import MetadataInput
from saleor.graphql.meta.types import MetadataItem

__all__ = [
    "JSON", "UUID", "Date", "DateTime", "Decimal", "PositiveDecimal", "Money",
    "OrderDirection", "MetadataInput", "MetadataItem", "make_money",
]


def make_money(amount, currency):
    return PricesMoney(amount, currency)
