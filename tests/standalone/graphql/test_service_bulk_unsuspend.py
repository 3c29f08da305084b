from saleor_services.graphql.ids import global_id
from saleor_services.models import Service, ServiceEvent

from .conftest import gid

MUTATION = """mutation($ids: [ID!]!) { serviceBulkUnsuspend(ids: $ids) {
  count services { id status } errors { serviceId field code } } }"""


def test_service_bulk_unsuspend_moves_the_movable_and_reports_the_rest(api, make_service, staff_user):
    movable = [make_service("SUSPENDED") for _ in range(3)]
    stuck = make_service("ARCHIVED")
    foreign = global_id("ServicePlan", 1)
    missing = global_id("Service", 10**9)
    events_before = ServiceEvent.objects.count()

    payload = api.post(
        MUTATION, {"ids": [gid(s) for s in movable] + [gid(stuck), foreign, missing]}, user=staff_user
    )["data"]["serviceBulkUnsuspend"]

    assert payload["count"] == 3
    assert sorted(s["id"] for s in payload["services"]) == sorted(gid(s) for s in movable)
    assert {s["status"] for s in payload["services"]} == {"ACTIVE"}
    assert sorted((e["serviceId"], e["code"]) for e in payload["errors"]) == sorted([
        (gid(stuck), "INVALID_TRANSITION"), (foreign, "GRAPHQL_ERROR"), (missing, "NOT_FOUND"),
    ])
    assert set(Service.objects.filter(pk__in=[s.pk for s in movable]).values_list("status", flat=True)) == {"ACTIVE"}
    assert Service.objects.get(pk=stuck.pk).status == "ARCHIVED"
    new_events = ServiceEvent.objects.order_by("pk")[events_before:]
    assert sorted(e.service_id for e in new_events) == sorted(s.pk for s in movable)
    assert {e.parameters.get("reason") for e in new_events} == {None}


def test_service_bulk_unsuspend_refuses_more_than_100_ids(api, staff_user, unchanged):
    with unchanged():
        payload = api.post(MUTATION, {"ids": [global_id("Service", n) for n in range(1, 102)]}, user=staff_user)
    assert payload["data"]["serviceBulkUnsuspend"]["errors"] == [{"serviceId": None, "field": "ids", "code": "LIMIT_EXCEEDED"}]
