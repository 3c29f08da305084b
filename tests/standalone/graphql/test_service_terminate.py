from saleor_services.models import Service

from ..conftest import events_of
from .conftest import gid

MUTATION = """mutation($id: ID!) { serviceTerminate(id: $id, reason: "Data removed") {
  service { id status terminatedAt } errors { field code message } } }"""


def test_service_terminate(api, make_service, staff_user):
    service = make_service("CANCELLED")

    payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceTerminate"]

    assert payload["errors"] == []
    assert payload["service"]["id"] == gid(service)
    assert payload["service"]["status"] == "TERMINATED"
    assert payload["service"]["terminatedAt"] is not None
    assert Service.objects.get(pk=service.pk).status == "TERMINATED"
    event = events_of(service)[-1]
    assert (event.type, event.actor_type, event.user_id) == ("TERMINATED", "STAFF", staff_user.pk)
    assert event.parameters.get("reason") == 'Data removed'


def test_service_terminate_refused_from_the_wrong_status(api, make_service, staff_user, unchanged):
    service = make_service("ARCHIVED")
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceTerminate"]
    assert payload["service"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("status", "INVALID_TRANSITION")]
