"""A list page reads only the columns its fields need, and no field then reads a column
the page left unread (which would cost a query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql.type import GraphQLList, GraphQLNonNull, GraphQLObjectType

from saleor_services.graphql.schema import build_schema

ROW = (
    "id productName domain status billingCycle nextDueDate userEmail customerName serverHostname "
    "recurringAmount { amount currency } plan { id name } cancellationPending"
)


def _named(type_):
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_


def _selections() -> list[str]:
    fields = build_schema().get_type("Service").fields
    return [
        f"{name} {{ __typename }}" if isinstance(_named(field.type), GraphQLObjectType) else name
        for name, field in fields.items()
    ]


def _page(api, user, selection: str, first: int):
    query = f"{{ services(first: {first}) {{ edges {{ node {{ {selection} }} }} }} }}"
    with CaptureQueriesContext(connection) as queries:
        content = api.post(query, user=user)
    assert len(content["data"]["services"]["edges"]) == first
    return queries


@pytest.mark.parametrize("selection", _selections())
def test_each_field_costs_the_same_queries_for_one_row_and_for_three(api, staff_user, make_service, selection):
    for _ in range(3):
        make_service()
    _page(api, staff_user, selection, 1)  # warm-up: process-wide caches
    assert len(_page(api, staff_user, selection, 1)) == len(_page(api, staff_user, selection, 3))


def _page_statement(queries) -> str:
    return next(q["sql"] for q in queries if 'FROM "saleor_services_service"' in q["sql"] and "LIMIT" in q["sql"])


def test_the_dashboard_row_reads_its_columns_only(api, staff_user, make_service):
    make_service()
    statement = _page_statement(_page(api, staff_user, ROW, 1))
    selected = statement.split(" FROM ")[0]
    for column in ("domain", "status", "next_due_date", "recurring_amount", "currency", "plan_id"):
        assert f'"saleor_services_service"."{column}"' in selected
    for column in ("options", "metadata", "private_metadata", "password", "search_document", "updated_at"):
        assert f'"saleor_services_service"."{column}"' not in selected


def test_a_field_the_page_cannot_map_reads_every_column_but_the_search_document(api, staff_user, make_service):
    make_service()
    statement = _page_statement(_page(api, staff_user, "id canPause", 1))
    selected = statement.split(" FROM ")[0]
    assert '"saleor_services_service"."options"' in selected
    assert '"saleor_services_service"."search_document"' not in selected
