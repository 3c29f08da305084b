"""Types shared with the host's schema (Saleor's own inside Saleor), from the host."""

from ..host import get_host

_types = get_host().graphql_types

JSON = _types.JSON
UUID = _types.UUID
Date = _types.Date
DateTime = _types.DateTime
Decimal = _types.Decimal
PositiveDecimal = _types.PositiveDecimal
Money = _types.Money
OrderDirection = _types.OrderDirection
MetadataItem = _types.MetadataItem
MetadataInput = _types.MetadataInput
make_money = _types.make_money
