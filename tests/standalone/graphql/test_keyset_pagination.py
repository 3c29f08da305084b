"""Walking 250 services page by page, forwards and backwards, under every sort."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import BillingCycle, ServiceStatus
from saleor_services.graphql.ids import global_id
from saleor_services.graphql.sorting import SERVICE_SORT_KEYS
from saleor_services.models import Service

from ..conftest import TODAY, order_line, paid_order

STATUSES = [s for s in ServiceStatus if s != ServiceStatus.ARCHIVED]

FORWARD = """query($sort: ServiceSortingInput, $after: String) {
  services(first: 100, after: $after, sortBy: $sort, filter: {includeArchived: true}) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}"""
BACKWARD = """query($sort: ServiceSortingInput, $before: String) {
  services(last: 100, before: $before, sortBy: $sort, filter: {includeArchived: true}) {
    edges { node { id } } pageInfo { hasPreviousPage startCursor }
  }
}"""


@pytest.fixture
def many_services(customer, plan):
    create_services_for_paid_order(paid_order(customer, order_line(quantity=250)), today=TODAY)
    services = list(Service.objects.order_by("pk"))
    for index, service in enumerate(services):
        service.product_name = f"Product {index % 7}"
        service.domain = f"d{index % 13}.example"
        service.customer_name = ["", "Ada", "Bob"][index % 3]
        service.user_email = f"c{index % 5}@example.com"
        service.next_due_date = None if index % 17 == 0 else TODAY + timedelta(days=index % 9)
        service.status = STATUSES[index % len(STATUSES)]
        service.server_hostname = f"srv{index % 4}"
        service.billing_cycle = [BillingCycle.MONTHLY, BillingCycle.ANNUALLY][index % 2]
        service.recurring_amount = Decimal(index % 6) + Decimal("0.5")
    Service.objects.bulk_update(
        services,
        ["product_name", "domain", "customer_name", "user_email", "next_due_date", "status",
         "server_hostname", "billing_cycle", "recurring_amount"],
    )
    Service.objects.filter(pk__in=[s.pk for s in services[::11]]).update(
        created_at=TODAY.isoformat() + "T10:00:00Z"
    )
    return list(Service.objects.order_by("pk"))


def _expected(services, field, descending):
    def key(service):
        values = {
            "NAME": (service.product_name,),
            "DOMAIN": (service.domain,),
            "CUSTOMER": (service.customer_name, service.user_email),
            "CREATED_AT": (service.created_at,),
            "NEXT_DUE_DATE": (service.next_due_date or date.max,),
            "STATUS": (service.status,),
            "SERVER": (service.server_hostname,),
            "BILLING_CYCLE": (service.billing_cycle,),
            "AMOUNT": (service.recurring_amount,),
        }[field]
        return (*values, service.pk)

    return [global_id("Service", s.pk) for s in sorted(services, key=key, reverse=descending)]


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
@pytest.mark.parametrize("field", list(SERVICE_SORT_KEYS))
def test_walk_without_gap_or_repeat(api, staff_user, many_services, field, direction):
    sort = {"field": field, "direction": direction}
    expected = _expected(many_services, field, direction == "DESC")

    seen, after, pages = [], None, 0
    while True:
        result = api.post(FORWARD, {"sort": sort, "after": after}, user=staff_user)["data"]["services"]
        assert result["totalCount"] == 250
        seen += [edge["node"]["id"] for edge in result["edges"]]
        pages += 1
        assert result["pageInfo"]["hasPreviousPage"] is (pages > 1)
        if not result["pageInfo"]["hasNextPage"]:
            break
        after = result["pageInfo"]["endCursor"]
    assert pages == 3
    assert seen == expected

    seen_backwards, before = [], None
    while True:
        result = api.post(BACKWARD, {"sort": sort, "before": before}, user=staff_user)["data"]["services"]
        seen_backwards = [edge["node"]["id"] for edge in result["edges"]] + seen_backwards
        if not result["pageInfo"]["hasPreviousPage"]:
            break
        before = result["pageInfo"]["startCursor"]
    assert seen_backwards == expected


def test_page_size_is_capped(api, staff_user, many_services):
    content = api.post("{ services(first: 101) { totalCount } }", user=staff_user, expect_errors=True)
    assert "limit of 100" in content["errors"][0]["message"]
    content = api.post("{ services { totalCount } }", user=staff_user, expect_errors=True)
    assert "first" in content["errors"][0]["message"]


def test_a_forged_cursor_is_refused(api, staff_user, many_services):
    content = api.post(
        '{ services(first: 5, after: "bm90IGEgY3Vyc29y") { totalCount } }', user=staff_user, expect_errors=True
    )
    assert content["errors"][0]["message"] == "Received cursor is invalid."


def test_no_offset_in_the_sql(api, staff_user, many_services):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = api.post(FORWARD, {"sort": None, "after": None}, user=staff_user)["data"]["services"]
    with CaptureQueriesContext(connection) as queries:
        api.post(FORWARD, {"sort": None, "after": first["pageInfo"]["endCursor"]}, user=staff_user)
    page_sql = [q["sql"] for q in queries if "ORDER BY" in q["sql"] and "saleor_services_service" in q["sql"]]
    assert page_sql and all("OFFSET" not in sql for sql in page_sql)
    assert any("ROW(" in sql for sql in page_sql)
