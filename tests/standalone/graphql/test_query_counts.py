"""A page of services costs the same number of queries for 1, 10 and 100 services."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import CancellationType

from ..conftest import PASSWORD
from .fragments import SERVICE_FIELDS, STAFF_SERVICE_FIELDS

MY_SERVICES = SERVICE_FIELDS + """
query($first: Int!) { myServices(first: $first) { totalCount edges { node { ...ServiceFields } } } }
"""
SERVICES = STAFF_SERVICE_FIELDS + """
query($first: Int!) { services(first: $first) { totalCount edges { node {
  ...ServiceFields events { type actorEmail } } } } }
"""


def _queries(api, document, count, user):
    with CaptureQueriesContext(connection) as queries:
        content = api.post(document, {"first": count}, user=user)
    [root] = content["data"].values()
    assert len(root["edges"]) == count
    return len(queries)


@pytest.fixture
def services_of(make_service, customer):
    def make(count):
        made = [make_service() for _ in range(count)]
        for service in made[::3]:
            cancellation_request_create(
                service_id=service.pk, actor=Actor.customer(customer),
                type=CancellationType.END_OF_BILLING_PERIOD, reason="Bye", password=PASSWORD,
            )
        return made

    return make


def test_my_services_query_count_is_constant(api, customer, services_of):
    services_of(100)
    _queries(api, MY_SERVICES, 1, customer)  # warm-up: process-wide caches (content types)
    counts = {n: _queries(api, MY_SERVICES, n, customer) for n in (1, 10, 100)}
    # auth 1, count 1, page 1, loaders: plan, open request, renewals, events count, targets
    assert counts[1] == counts[10] == counts[100] <= 8, counts


def test_services_query_count_is_constant(api, staff_user, services_of):
    services_of(100)
    _queries(api, SERVICES, 1, staff_user)  # warm-up: process-wide caches (content types)
    counts = {n: _queries(api, SERVICES, n, staff_user) for n in (1, 10, 100)}
    # as above, plus the permission check, the events and their actors' e-mails
    assert counts[1] == counts[10] == counts[100] <= 12, counts


def test_bulk_suspend_query_count_is_constant(api, staff_user, make_service):
    from .conftest import gid

    document = "mutation($ids: [ID!]!) { serviceBulkSuspend(ids: $ids) { count errors { code } } }"
    services = [make_service() for _ in range(101)]
    api.post(document, {"ids": [gid(services[0])]}, user=staff_user)  # warm-up

    def queries(batch):
        with CaptureQueriesContext(connection) as captured:
            content = api.post(document, {"ids": [gid(s) for s in batch]}, user=staff_user)
        assert content["data"]["serviceBulkSuspend"]["count"] == len(batch)
        return len(captured)

    assert queries(services[1:2]) == queries(services[2:101])
