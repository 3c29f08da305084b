from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create

from ..conftest import PASSWORD, events_of
from .conftest import gid

MUTATION = """mutation($id: ID!, $note: String) { serviceCancellationRequestReject(id: $id, note: $note) {
  cancellationRequest { status decisionNote service { status cancellationPending } } errors { code } } }"""


def test_staff_reject(api, make_service, customer, staff_user):
    service = make_service()
    request = cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(customer), type="IMMEDIATE", reason="x", password=PASSWORD
    )
    payload = api.post(MUTATION, {"id": gid(request), "note": "Contract"}, user=staff_user)["data"][
        "serviceCancellationRequestReject"
    ]
    assert payload["errors"] == []
    assert payload["cancellationRequest"] == {
        "status": "REJECTED", "decisionNote": "Contract", "service": {"status": "ACTIVE", "cancellationPending": False}
    }
    assert events_of(service)[-1].parameters["note"] == "Contract"
