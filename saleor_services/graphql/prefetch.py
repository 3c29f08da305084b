"""A list page's relations, loaded up front for the fields the query asks for.

Each relation is one batch query, as its DataLoader would run; loaded before the rows
resolve, the resolvers get values rather than Promises (`RequestLoader.load_ready`),
which spares graphql-core a Promise per row and field.
"""

import re

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from graphql.language import ast

from ..models import Service, ServiceEvent
from .auth import is_staff
from .dataloaders import (
    EventCountByServiceIdLoader,
    EventsByServiceIdLoader,
    OpenCancellationRequestByServiceIdLoader,
    PlanByIdLoader,
    RenewalsByServiceIdLoader,
)

_CUSTOMER_ACTIONS = {
    "canPause", "canResume", "canCancel", "canWithdrawCancellation", "availableActions"
}
_OPEN_REQUEST = {"cancellationPending", "cancellationRequest", "cancellationEffectiveDate"}


def _fields(selection_set, fragments):
    """The fields of a selection set, through inline fragments and fragment spreads."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, ast.Field):
            yield selection
        elif isinstance(selection, ast.InlineFragment):
            yield from _fields(selection.selection_set, fragments)
        else:
            yield from _fields(fragments[selection.name.value].selection_set, fragments)


def node_fields(info) -> set[str]:
    """Names of the fields asked for on `edges { node { … } }` of this connection."""
    fields = info.field_asts
    for name in ("edges", "node"):
        fields = [
            field
            for parent in fields
            for field in _fields(parent.selection_set, info.fragments)
            if field.name.value == name
        ]
    return {field.name.value for parent in fields for field in _fields(parent.selection_set, info.fragments)}


# The columns each field of a listed service reads, where it is not the column of its own
# name. A field not known here (a host's own field, the customer actions, which read the
# plan and the status) makes the page read every column but the search document.
_COLUMNS_OF_FIELDS = {
    "id": ("id",),
    "plan": ("plan_id",),
    "pendingPlan": ("pending_plan_id",),
    "recurringAmount": ("recurring_amount", "currency"),
    "recurringAmountText": ("recurring_amount", "currency"),
    "privateMetadata": ("private_metadata",),
    "__typename": (),
    # Relations and counts loaded by the page's batch queries, by the service's id.
    **dict.fromkeys(
        ("cancellationPending", "cancellationRequest", "cancellationEffectiveDate", "renewals", "events",
         "eventsCount"),
        ("id",),
    ),
}
_COLUMN_NAMES = frozenset(field.attname for field in Service._meta.concrete_fields) - {"search_document"}
_EVENT_COUNT = "_saleor_services_event_count"


def _columns(field: str) -> tuple[str, ...] | None:
    if field in _COLUMNS_OF_FIELDS:
        return _COLUMNS_OF_FIELDS[field]
    column = re.sub(r"(?<!^)(?=[A-Z])", "_", field).lower()
    return (column,) if column in _COLUMN_NAMES else None


def services_page_queryset(info, queryset: QuerySet) -> QuerySet:
    """The page's query reads only the columns the fields asked for need (a list page
    serves many rows, and each column read is parsed and set on every one), and counts
    the staff's events in the same statement (no round trip of its own)."""
    asked = node_fields(info)
    needed = [_columns(field) for field in asked]
    if None in needed:
        queryset = queryset.defer("search_document")
    else:
        queryset = queryset.only("id", *{column for columns in needed for column in columns})
    if "eventsCount" in asked and is_staff(info):
        counted = (
            ServiceEvent.objects.filter(service_id=OuterRef("pk")).order_by().values("service_id")
            .annotate(count=Count("pk")).values("count")
        )
        queryset = queryset.annotate(
            **{_EVENT_COUNT: Coalesce(Subquery(counted, output_field=IntegerField()), 0)}
        )
    return queryset


def prefetch_services(info, services: list) -> None:
    """Batch-load the relations the query reads on these services."""
    if not services:
        return
    asked, context = node_fields(info), info.context
    ids = [service.pk for service in services]
    if asked & ({"plan"} | _CUSTOMER_ACTIONS):
        PlanByIdLoader(context).prefetch(service.plan_id for service in services)
    if asked & (_OPEN_REQUEST | _CUSTOMER_ACTIONS):
        OpenCancellationRequestByServiceIdLoader(context).prefetch(ids)
    if "renewals" in asked:
        RenewalsByServiceIdLoader(context).prefetch(ids)
    # Staff count events in the database; a customer's count is of the events they see.
    staff = is_staff(info)
    if "events" in asked or ("eventsCount" in asked and not staff):
        EventsByServiceIdLoader(context).prefetch(ids)
    if "eventsCount" in asked and staff:
        loader = EventCountByServiceIdLoader(context)
        if hasattr(services[0], _EVENT_COUNT):  # counted by the page's own query
            loader.ready.update((service.pk, getattr(service, _EVENT_COUNT)) for service in services)
        else:
            loader.prefetch(ids)
