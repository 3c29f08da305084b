"""Staff whose MANAGE_ORDERS is restricted to channels (Saleor's channel-restricted
permission groups; on this host a StaffChannelRestriction row) see, count, search,
preview, export and act on only their channels' services; another channel's service
answers as one that does not exist."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import CancellationType, ServiceStatus
from saleor_services.models import Service

from ..conftest import PASSWORD, snapshot
from .conftest import gid, restricted_staff_in

SERVICES = "query($filter: ServiceFilterInput, $search: String) { services(first: 20, filter: $filter, search: $search) { totalCount edges { node { id } } } }"  # noqa: E501


def _in_channel(service, slug):
    # Set-up shortcut: the order's channel is copied to its services at creation.
    Service.objects.filter(pk=service.pk).update(channel_slug=slug)
    service.refresh_from_db()
    return service


@pytest.fixture
def shop(make_service):
    """Two services in channel PLN, three in the default channel."""
    today = timezone.localdate()
    pln = [_in_channel(make_service(today=today - timedelta(days=26)), "pln") for _ in range(2)]
    default = [make_service(today=today - timedelta(days=26)) for _ in range(3)]
    return {"pln": pln, "default": default}


@pytest.fixture
def pln_staff(db):
    return restricted_staff_in("pln", username="pln-staff")


def _ids(connection):
    return {edge["node"]["id"] for edge in connection["edges"]}


@pytest.mark.parametrize(
    "variables",
    [
        {},
        {"filter": {"status": ["ACTIVE"]}},  # the per-status counts path
        {"filter": {"status": ["ACTIVE", "SUSPENDED"], "includeArchived": True}},
        {"search": "customer@example.com"},
        {"filter": {"customer": "Ada"}},
    ],
)
def test_lists_and_counts_hold_only_their_channels(api, shop, pln_staff, staff_user, variables):
    mine = api.post(SERVICES, variables, user=pln_staff)["data"]["services"]
    everyone = api.post(SERVICES, variables, user=staff_user)["data"]["services"]

    assert mine["totalCount"] == 2
    assert _ids(mine) == {gid(s) for s in shop["pln"]}
    assert everyone["totalCount"] == 5


def test_staff_restricted_to_several_channels_see_each(api, shop):
    both = restricted_staff_in("pln", "default-channel", username="both")
    assert api.post(SERVICES, {}, user=both)["data"]["services"]["totalCount"] == 5


def test_another_channels_service_reads_as_missing(api, shop, pln_staff):
    query = "query($id: ID!) { service(id: $id) { id } node(id: $id) { id } }"
    for service, expected in ((shop["pln"][0], gid(shop["pln"][0])), (shop["default"][0], None)):
        data = api.post(query, {"id": gid(service)}, user=pln_staff)["data"]
        assert data["service"] == (expected and {"id": expected})
        assert data["node"] == (expected and {"id": expected})


def test_a_single_action_on_another_channel_is_not_found_and_changes_nothing(api, shop, pln_staff):
    mutation = "mutation($id: ID!) { serviceSuspend(id: $id, reason: \"x\") { service { status } errors { code } } }"
    before = snapshot()
    refused = api.post(mutation, {"id": gid(shop["default"][0])}, user=pln_staff)["data"]["serviceSuspend"]
    assert refused == {"service": None, "errors": [{"code": "NOT_FOUND"}]}
    assert snapshot() == before

    served = api.post(mutation, {"id": gid(shop["pln"][0])}, user=pln_staff)["data"]["serviceSuspend"]
    assert served == {"service": {"status": "SUSPENDED"}, "errors": []}


def test_bulk_refuses_each_id_of_another_channel_and_moves_the_rest(api, shop, pln_staff):
    mutation = (
        "mutation($ids: [ID!]!) { serviceBulkSuspend(ids: $ids, reason: \"Abuse\") "
        "{ count services { id } errors { serviceId code } } }"
    )
    mine, theirs = gid(shop["pln"][0]), gid(shop["default"][0])

    result = api.post(mutation, {"ids": [mine, theirs]}, user=pln_staff)["data"]["serviceBulkSuspend"]

    assert result["count"] == 1 and result["services"] == [{"id": mine}]
    assert result["errors"] == [{"serviceId": theirs, "code": "NOT_FOUND"}]
    assert Service.objects.get(pk=shop["default"][0].pk).status == ServiceStatus.ACTIVE


def test_the_cancellation_queue_holds_only_their_channels(api, shop, pln_staff, as_customer):
    for service in (shop["pln"][0], shop["default"][0], shop["default"][1]):
        cancellation_request_create(
            service_id=service.pk, actor=as_customer, type=CancellationType.END_OF_BILLING_PERIOD,
            reason="Moving", password=PASSWORD,
        )
    query = "{ serviceCancellationRequests(first: 10) { totalCount edges { node { service { id } } } } }"

    queue = api.post(query, user=pln_staff)["data"]["serviceCancellationRequests"]

    assert queue["totalCount"] == 1
    assert [edge["node"]["service"]["id"] for edge in queue["edges"]] == [gid(shop["pln"][0])]
    other = shop["default"][0].cancellation_requests.get()
    decide = "mutation($id: ID!) { serviceCancellationRequestApprove(id: $id) { errors { code } } }"
    assert api.post(decide, {"id": gid(other)}, user=pln_staff)["data"]["serviceCancellationRequestApprove"] == {
        "errors": [{"code": "NOT_FOUND"}]
    }


def test_the_automation_preview_counts_only_their_channels(api, shop, pln_staff, staff_user):
    query = "query($date: Date) { serviceAutomationPreview(date: $date) { step count services { id } } }"
    today = str(timezone.localdate())

    mine = {s["step"]: s for s in api.post(query, {"date": today}, user=pln_staff)["data"]["serviceAutomationPreview"]}
    everyone = {
        s["step"]: s for s in api.post(query, {"date": today}, user=staff_user)["data"]["serviceAutomationPreview"]
    }

    assert mine["generate_renewals"]["count"] == 2
    assert {s["id"] for s in mine["generate_renewals"]["services"]} == {gid(s) for s in shop["pln"]}
    assert everyone["generate_renewals"]["count"] == 5


def test_customer_data_export_and_plan_counts_hold_only_their_channels(api, shop, pln_staff):
    export = api.post('{ serviceCustomerData(email: "customer@example.com") }', user=pln_staff)
    assert sorted(s["pk"] for s in export["data"]["serviceCustomerData"]["services"]) == sorted(
        s.pk for s in shop["pln"]
    )
    plans = api.post("{ servicePlans(first: 5) { edges { node { servicesCount } } } }", user=pln_staff)
    assert [e["node"]["servicesCount"] for e in plans["data"]["servicePlans"]["edges"]] == [2]


def test_renewal_actions_on_another_channel_are_not_found(api, shop, pln_staff):
    from .test_access_matrix import _renewal

    theirs = _renewal(shop["default"][0], shop["default"][0].next_due_date)
    mutation = "mutation($id: ID!) { serviceRenewalMarkPaid(id: $id) { errors { code } } }"
    before = snapshot()
    result = api.post(mutation, {"id": gid_of_renewal(theirs)}, user=pln_staff)["data"]["serviceRenewalMarkPaid"]
    assert result == {"errors": [{"code": "NOT_FOUND"}]}
    assert snapshot() == before


def gid_of_renewal(renewal):
    from saleor_services.graphql.ids import global_id

    return global_id("ServiceRenewal", renewal.pk)


def test_the_domain_refuses_a_restricted_actor_outside_its_channels(shop, pln_staff):
    """The same rule below the API: an actor restricted to PLN cannot move another channel's service."""
    from saleor_services.errors import ServiceError
    from saleor_services.lifecycle import service_suspend

    actor = Actor.staff(pln_staff, channel_slugs=frozenset({"pln"}))
    with pytest.raises(ServiceError) as refused:
        service_suspend(service_id=shop["default"][0].pk, actor=actor, reason="x")
    assert refused.value.code == "NOT_FOUND"
