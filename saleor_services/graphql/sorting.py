"""Sort orders of the lists: each a tuple of keyset columns (the pk is always last)."""

from datetime import date, datetime
from decimal import Decimal

import graphene
from django.db.models import DateField, F, Value
from django.db.models.functions import Coalesce

from .pagination import SortKey
from .shared import OrderDirection


def _text(value):
    if not isinstance(value, str):
        raise ValueError
    return value


TEXT = dict(parse=_text)
DATE = dict(parse=date.fromisoformat)
DATETIME = dict(parse=datetime.fromisoformat)

SERVICE_SORT_KEYS = {
    "NAME": [SortKey(F("product_name"), **TEXT)],
    "DOMAIN": [SortKey(F("domain"), **TEXT)],
    "CUSTOMER": [SortKey(F("customer_name"), **TEXT), SortKey(F("user_email"), **TEXT)],
    "CREATED_AT": [SortKey(F("created_at"), **DATETIME)],
    # One-time services have no due date; they sort after every dated one.
    "NEXT_DUE_DATE": [
        SortKey(Coalesce(F("next_due_date"), Value(date.max), output_field=DateField()), **DATE)
    ],
    "STATUS": [SortKey(F("status"), **TEXT)],
    "SERVER": [SortKey(F("server_hostname"), **TEXT)],
    "BILLING_CYCLE": [SortKey(F("billing_cycle"), **TEXT)],
    "AMOUNT": [SortKey(F("recurring_amount"), parse=Decimal)],
}

CANCELLATION_REQUEST_SORT_KEYS = {
    "CREATED_AT": [SortKey(F("created_at"), **DATETIME)],
    "EFFECTIVE_DATE": [SortKey(F("effective_date"), **DATE)],
}

SERVICE_PLAN_SORT_KEYS = {
    "NAME": [SortKey(F("name"), **TEXT)],
    "CREATED_AT": [SortKey(F("created_at"), **DATETIME)],
}


ServiceSortField = graphene.Enum(
    "ServiceSortField",
    [(key, key) for key in SERVICE_SORT_KEYS],
    description="Fields to sort services by.",
)
ServiceCancellationRequestSortField = graphene.Enum(
    "ServiceCancellationRequestSortField",
    [(key, key) for key in CANCELLATION_REQUEST_SORT_KEYS],
    description="Fields to sort cancellation requests by.",
)
ServicePlanSortField = graphene.Enum(
    "ServicePlanSortField",
    [(key, key) for key in SERVICE_PLAN_SORT_KEYS],
    description="Fields to sort service plans by.",
)


class ServiceSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction.")
    field = ServiceSortField(required=True, description="Sort services by the selected field.")


class ServiceCancellationRequestSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction.")
    field = ServiceCancellationRequestSortField(required=True)


class ServicePlanSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction.")
    field = ServicePlanSortField(required=True)


def sort_keys(sort_by, table: dict, default: tuple[str, bool]) -> tuple[list[SortKey], bool]:
    """The keyset columns and whether they run descending."""
    if sort_by is None:
        field, descending = default
    else:
        field, descending = sort_by.field, sort_by.direction == "-"
    return table[field], descending
