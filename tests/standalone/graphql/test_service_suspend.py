from saleor_services.models import Service

from ..conftest import events_of
from .conftest import gid

MUTATION = """mutation($id: ID!) { serviceSuspend(id: $id, reason: "Abuse") {
  service { id status suspendedAt } errors { field code message } } }"""


def test_service_suspend(api, make_service, staff_user):
    service = make_service("ACTIVE")

    payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceSuspend"]

    assert payload["errors"] == []
    assert payload["service"]["id"] == gid(service)
    assert payload["service"]["status"] == "SUSPENDED"
    assert payload["service"]["suspendedAt"] is not None
    assert Service.objects.get(pk=service.pk).status == "SUSPENDED"
    event = events_of(service)[-1]
    assert (event.type, event.actor_type, event.user_id) == ("SUSPENDED", "STAFF", staff_user.pk)
    assert event.parameters.get("reason") == 'Abuse'


def test_service_suspend_refused_from_the_wrong_status(api, make_service, staff_user, unchanged):
    service = make_service("ARCHIVED")
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceSuspend"]
    assert payload["service"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("status", "INVALID_TRANSITION")]
