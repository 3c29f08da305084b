from saleor_services.models import Service

from ..conftest import events_of
from .conftest import gid

MUTATION = """mutation($id: ID!) { serviceCancel(id: $id, reason: "Asked by phone") {
  service { id status cancelledAt } errors { field code message } } }"""


def test_service_cancel(api, make_service, staff_user):
    service = make_service("ACTIVE")

    payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceCancel"]

    assert payload["errors"] == []
    assert payload["service"]["id"] == gid(service)
    assert payload["service"]["status"] == "CANCELLED"
    assert payload["service"]["cancelledAt"] is not None
    assert Service.objects.get(pk=service.pk).status == "CANCELLED"
    event = events_of(service)[-1]
    assert (event.type, event.actor_type, event.user_id) == ("CANCELLED", "STAFF", staff_user.pk)
    assert event.parameters.get("reason") == 'Asked by phone'


def test_service_cancel_refused_from_the_wrong_status(api, make_service, staff_user, unchanged):
    service = make_service("ARCHIVED")
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceCancel"]
    assert payload["service"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("status", "INVALID_TRANSITION")]
