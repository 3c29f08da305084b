from saleor_services.models import Service

from ..conftest import events_of
from .conftest import gid

MUTATION = """mutation($id: ID!) { serviceArchive(id: $id) {
  service { id status updatedAt } errors { field code message } } }"""


def test_service_archive(api, make_service, staff_user):
    service = make_service("TERMINATED")

    payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceArchive"]

    assert payload["errors"] == []
    assert payload["service"]["id"] == gid(service)
    assert payload["service"]["status"] == "ARCHIVED"
    assert payload["service"]["updatedAt"] is not None
    assert Service.objects.get(pk=service.pk).status == "ARCHIVED"
    event = events_of(service)[-1]
    assert (event.type, event.actor_type, event.user_id) == ("ARCHIVED", "STAFF", staff_user.pk)
    assert event.parameters.get("reason") == None


def test_service_archive_refused_from_the_wrong_status(api, make_service, staff_user, unchanged):
    service = make_service("ACTIVE")
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceArchive"]
    assert payload["service"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("status", "INVALID_TRANSITION")]
