"""A list page's relations, loaded up front for the fields the query asks for.

Each relation is one batch query, as its DataLoader would run; loaded before the rows
resolve, the resolvers get values rather than Promises (`RequestLoader.load_ready`),
which spares graphql-core a Promise per row and field.
"""

from graphql.language import ast

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
        EventCountByServiceIdLoader(context).prefetch(ids)
