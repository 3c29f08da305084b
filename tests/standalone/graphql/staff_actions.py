"""Shared checks for the staff lifecycle and bulk mutations (one test module each)."""

from saleor_services.graphql.ids import global_id
from saleor_services.models import Service, ServiceEvent

from ..conftest import events_of, snapshot
from .conftest import gid


def check_staff_action(api, make_service, staff_user, *, root, start, arguments, end, event, stamp):
    document = f"""mutation($id: ID!) {{ {root}(id: $id{arguments}) {{
      service {{ id status {stamp} }} errors {{ field code message }} }} }}"""
    reason = arguments.split('"')[1] if arguments else None
    service = make_service(start)

    payload = api.post(document, {"id": gid(service)}, user=staff_user)["data"][root]

    assert payload["errors"] == []
    assert payload["service"]["id"] == gid(service)
    assert payload["service"]["status"] == end
    assert payload["service"][stamp] is not None
    assert Service.objects.get(pk=service.pk).status == end
    logged = events_of(service)[-1]
    assert (logged.type, logged.actor_type, logged.user_id) == (event, "STAFF", staff_user.pk)
    assert logged.parameters.get("reason") == reason

    # From a status the table does not allow: a typed refusal, nothing written.
    refused = make_service("ARCHIVED" if end != "ARCHIVED" else "ACTIVE")
    before = snapshot()
    payload = api.post(document, {"id": gid(refused)}, user=staff_user)["data"][root]
    assert payload["service"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("status", "INVALID_TRANSITION")]
    assert snapshot() == before


def check_bulk_action(api, make_service, staff_user, *, root, start, arguments, end, reason):
    document = f"""mutation($ids: [ID!]!) {{ {root}(ids: $ids{arguments}) {{
      count services {{ id status }} errors {{ serviceId field code }} }} }}"""
    movable = [make_service(start) for _ in range(3)]
    stuck = make_service("ARCHIVED")
    foreign, missing = global_id("ServicePlan", 1), global_id("Service", 10**9)
    events_before = ServiceEvent.objects.count()

    payload = api.post(
        document, {"ids": [gid(s) for s in movable] + [gid(stuck), foreign, missing]}, user=staff_user
    )["data"][root]

    assert payload["count"] == 3
    assert sorted(s["id"] for s in payload["services"]) == sorted(gid(s) for s in movable)
    assert {s["status"] for s in payload["services"]} == {end}
    assert sorted((e["serviceId"], e["code"]) for e in payload["errors"]) == sorted(
        [(gid(stuck), "INVALID_TRANSITION"), (foreign, "GRAPHQL_ERROR"), (missing, "NOT_FOUND")]
    )
    assert set(Service.objects.filter(pk__in=[s.pk for s in movable]).values_list("status", flat=True)) == {end}
    assert Service.objects.get(pk=stuck.pk).status == "ARCHIVED"
    new_events = ServiceEvent.objects.order_by("pk")[events_before:]
    assert sorted(e.service_id for e in new_events) == sorted(s.pk for s in movable)
    assert {e.parameters.get("reason") for e in new_events} == {reason}

    # More than 100 ids: refused whole.
    before = snapshot()
    payload = api.post(document, {"ids": [global_id("Service", n) for n in range(1, 102)]}, user=staff_user)
    assert payload["data"][root]["errors"] == [{"serviceId": None, "field": "ids", "code": "LIMIT_EXCEEDED"}]
    assert snapshot() == before
