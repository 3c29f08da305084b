"""The standalone host's shared GraphQL types, named and shaped as Saleor's own.

Inside Saleor the real ones are used instead (a second class of the same name would
break Saleor's schema), so a query written against one host works on the other.
"""

import datetime
import decimal

import graphene
from graphene.types.generic import GenericScalar
from graphql.language import ast

# ISO 4217 currencies whose minor unit is not 2 digits; the rest have 2.
_FRACTION_DIGITS = {
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
    "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0,
    "XPF": 0, "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
}


def _parse_decimal(value) -> decimal.Decimal | None:
    try:
        parsed = decimal.Decimal(str(value))
    except (decimal.DecimalException, ValueError):
        return None
    if not parsed.is_finite() or parsed.is_subnormal():
        return None
    return parsed


class Decimal(graphene.Float):
    """Decimal as a float in the API, parsed to `decimal.Decimal` on the way in."""

    @staticmethod
    def parse_literal(node):
        if isinstance(node, ast.FloatValue | ast.IntValue):
            return _parse_decimal(node.value)
        return None

    @staticmethod
    def parse_value(value):
        return _parse_decimal(value)


class PositiveDecimal(graphene.Float):
    """Nonnegative Decimal scalar implementation."""

    @staticmethod
    def parse_literal(node):
        parsed = Decimal.parse_literal(node)
        return parsed if parsed is not None and parsed >= 0 else None

    @staticmethod
    def parse_value(value):
        parsed = _parse_decimal(value)
        return parsed if parsed is not None and parsed >= 0 else None


class JSON(GenericScalar):
    @staticmethod
    def parse_literal(node):
        if isinstance(node, ast.ObjectValue):
            return {
                field.name.value: GenericScalar.parse_literal(field.value)
                for field in node.fields
            }
        if isinstance(node, ast.ListValue):
            return [GenericScalar.parse_literal(value) for value in node.values]
        return None

    @staticmethod
    def parse_value(value):
        if isinstance(value, dict):
            return value
        if isinstance(value, list):
            return [GenericScalar.parse_value(v) for v in value]
        return None


# Shaped as Saleor's own Date, DateTime and UUID: a value that is not theirs is refused
# (None, so a GraphQL validation error), never an exception. graphene 2's parsers (aniso8601)
# raise IndexError, NotImplementedError or ValueError on strings such as "", "-50" or "T82"
# (found by scripts/fuzz).
_UNPARSABLE = (ValueError, IndexError, NotImplementedError, OverflowError, TypeError)


class Date(graphene.Date):
    __doc__ = graphene.Date.__doc__

    @staticmethod
    def parse_value(value):
        try:
            return graphene.Date.parse_value(value)
        except _UNPARSABLE:
            return None


class DateTime(graphene.DateTime):
    __doc__ = graphene.DateTime.__doc__

    @staticmethod
    def parse_value(value):
        try:
            parsed = graphene.DateTime.parse_value(value)
            if isinstance(parsed, datetime.datetime) and parsed.year in (datetime.MINYEAR, datetime.MAXYEAR):
                parsed.astimezone(tz=datetime.UTC)  # the edge of the calendar, beyond UTC
        except _UNPARSABLE:
            return None
        return parsed


class UUID(graphene.UUID):
    __doc__ = graphene.UUID.__doc__

    @staticmethod
    def parse_literal(node):
        return UUID.parse_value(node.value) if isinstance(node, ast.StringValue) else None

    @staticmethod
    def parse_value(value):
        try:
            return graphene.UUID.parse_value(value)
        except _UNPARSABLE:
            return None


class OrderDirection(graphene.Enum):
    ASC = ""
    DESC = "-"

    @property
    def description(self):
        return {"ASC": "Specifies an ascending sort order.", "DESC": "Specifies a descending sort order."}[self.name]


class Money(graphene.ObjectType):
    currency = graphene.String(description="Currency code.", required=True)
    amount = graphene.Float(description="Amount of money.", required=True)
    fractional_amount = graphene.Int(
        description="Amount of money represented as an integer in the smallest currency unit.",
        required=True,
    )
    fraction_digits = graphene.Int(
        description="Number of digits after the decimal point in the currency.", required=True
    )

    class Meta:
        description = "Represents amount of money in specific currency."

    @staticmethod
    def resolve_fraction_digits(root, _info):
        return _FRACTION_DIGITS.get(root.currency, 2)

    @staticmethod
    def resolve_amount(root, _info):
        digits = _FRACTION_DIGITS.get(root.currency, 2)
        return float(root.amount.quantize(decimal.Decimal(1).scaleb(-digits)))

    @staticmethod
    def resolve_fractional_amount(root, _info):
        digits = _FRACTION_DIGITS.get(root.currency, 2)
        return int(root.amount.scaleb(digits).to_integral_value(decimal.ROUND_HALF_UP))


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(description="Key of a metadata item.", required=True)
    value = graphene.String(description="Value of a metadata item.", required=True)


def make_money(amount, currency):
    from types import SimpleNamespace

    return SimpleNamespace(amount=decimal.Decimal(amount), currency=currency)
