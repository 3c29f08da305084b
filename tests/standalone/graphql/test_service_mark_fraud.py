from saleor_services.models import Service

from ..conftest import events_of
from .conftest import gid

MUTATION = """mutation($id: ID!) { serviceMarkFraud(id: $id, reason: "Chargeback") {
  service { id status updatedAt } errors { field code message } } }"""


def test_service_mark_fraud(api, make_service, staff_user):
    service = make_service("ACTIVE")

    payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceMarkFraud"]

    assert payload["errors"] == []
    assert payload["service"]["id"] == gid(service)
    assert payload["service"]["status"] == "FRAUD"
    assert payload["service"]["updatedAt"] is not None
    assert Service.objects.get(pk=service.pk).status == "FRAUD"
    event = events_of(service)[-1]
    assert (event.type, event.actor_type, event.user_id) == ("MARKED_FRAUD", "STAFF", staff_user.pk)
    assert event.parameters.get("reason") == 'Chargeback'


def test_service_mark_fraud_refused_from_the_wrong_status(api, make_service, staff_user, unchanged):
    service = make_service("ARCHIVED")
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceMarkFraud"]
    assert payload["service"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("status", "INVALID_TRANSITION")]
