"""Filter inputs of the lists, turned into the domain's selector arguments."""

import graphene

from ..validation import MAX_LIST_VALUES, MAX_SEARCH_LENGTH
from .enums import ServiceCancellationRequestStatusEnum, ServiceStatusEnum
from .ids import decode_ids
from .shared import Date

MAX_FILTER_VALUES = MAX_LIST_VALUES


class ServiceDateRangeInput(graphene.InputObjectType):
    gte = Date(description="Start date.")
    lte = Date(description="End date.")


class ServiceFilterInput(graphene.InputObjectType):
    status = graphene.List(
        graphene.NonNull(ServiceStatusEnum),
        description="Only these statuses (the status tabs). Archived shows only if listed.",
    )
    include_archived = graphene.Boolean(description="Show archived services too.")
    plans = graphene.List(graphene.NonNull(graphene.ID), description="ServicePlan ids.")
    products = graphene.List(graphene.NonNull(graphene.ID), description="Saleor Product ids.")
    variants = graphene.List(
        graphene.NonNull(graphene.ID), description="Saleor ProductVariant ids."
    )
    servers = graphene.List(graphene.NonNull(graphene.String), description="Server hostnames.")
    customer = graphene.String(description="Part of the customer's e-mail or name.")
    customers = graphene.List(
        graphene.NonNull(graphene.ID), description="Customers (Saleor User ids) owning them."
    )
    next_due_date = graphene.Field(ServiceDateRangeInput)
    created_at = graphene.Field(ServiceDateRangeInput)


class ServiceCancellationRequestFilterInput(graphene.InputObjectType):
    status = graphene.List(graphene.NonNull(ServiceCancellationRequestStatusEnum))


def _bounded(values, name):
    from ..errors import ServiceError, ServiceErrorCode

    if values is not None and len(values) > MAX_FILTER_VALUES:
        raise ServiceError(
            ServiceErrorCode.LIMIT_EXCEEDED, f"At most {MAX_FILTER_VALUES} values.", field=name
        )
    return values


def service_filter_arguments(filter_input) -> dict:
    """Selector keyword arguments; foreign or malformed ids are refused."""
    if not filter_input:
        return {}
    arguments = {
        "statuses": _bounded(filter_input.get("status"), "status"),
        "include_archived": bool(filter_input.get("include_archived")),
        "servers": _bounded(filter_input.get("servers"), "servers"),
        "customer": (filter_input.get("customer") or "")[:MAX_SEARCH_LENGTH] or None,
    }
    for key, type_name, target in (
        ("plans", "ServicePlan", "plan_ids"),
        ("products", "Product", "product_ids"),
        ("variants", "ProductVariant", "variant_ids"),
        ("customers", "User", "user_ids"),
    ):
        values = _bounded(filter_input.get(key), key)
        if values is not None:
            arguments[target] = decode_ids(values, type_name, field=key)
    for key, prefix in (("next_due_date", "next_due"), ("created_at", "created")):
        date_range = filter_input.get(key) or {}
        arguments[f"{prefix}_from"] = date_range.get("gte")
        arguments[f"{prefix}_to"] = date_range.get("lte")
    return arguments
