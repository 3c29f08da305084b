"""Relay connections with `totalCount`, named as Saleor names its own."""

import graphene
from graphene import relay

from .pagination import Page, paginate
from .types import Service, ServiceCancellationRequest, ServicePlan


class CountableConnection(relay.Connection):
    total_count = graphene.Int(description="A total count of items in the collection.")

    class Meta:
        abstract = True

    @staticmethod
    def resolve_total_count(root, _info):
        return root.page.total_count


class ServiceCountableConnection(CountableConnection):
    total_count = graphene.Int(
        description=(
            "A total count of items in the collection. Null for a search the trigram index "
            "cannot narrow (a text found in most services) that finds more than 1,000 services "
            "or cannot count them within 10 ms; the page and `pageInfo` are served."
        )
    )

    class Meta:
        node = Service


class ServiceCancellationRequestCountableConnection(CountableConnection):
    class Meta:
        node = ServiceCancellationRequest


class ServicePlanCountableConnection(CountableConnection):
    class Meta:
        node = ServicePlan


def connection_arguments() -> dict:
    return {
        "first": graphene.Int(description="Return the first n elements from the list (at most 100)."),
        "last": graphene.Int(description="Return the last n elements from the list (at most 100)."),
        "after": graphene.String(description="Return the elements after the given cursor."),
        "before": graphene.String(description="Return the elements before the given cursor."),
    }


def page_connection(
    connection_type, queryset, *, keys, descending, count=None, page_queryset=None, **page_args
):
    page: Page = paginate(
        queryset, keys=keys, descending=descending, count=count, page_queryset=page_queryset, **page_args
    )
    connection = connection_type(
        edges=[
            connection_type.Edge(node=node, cursor=cursor)
            for node, cursor in zip(page.nodes, page.cursors, strict=True)
        ],
        page_info=relay.PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        ),
    )
    connection.page = page
    return connection
