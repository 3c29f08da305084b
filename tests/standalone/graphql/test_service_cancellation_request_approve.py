from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create

from ..conftest import PASSWORD, events_of
from .conftest import gid

MUTATION = """mutation($id: ID!, $note: String) { serviceCancellationRequestApprove(id: $id, note: $note) {
  cancellationRequest { status decisionNote decidedByType service { status } } errors { code } } }"""


def test_staff_approve_an_immediate_request(api, make_service, customer, staff_user):
    service = make_service()
    request = cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(customer), type="IMMEDIATE", reason="x", password=PASSWORD
    )
    payload = api.post(MUTATION, {"id": gid(request), "note": "Done"}, user=staff_user)["data"][
        "serviceCancellationRequestApprove"
    ]
    assert payload == {
        "cancellationRequest": {"status": "COMPLETED", "decisionNote": "Done", "decidedByType": "STAFF",
                                "service": {"status": "CANCELLED"}},
        "errors": [],
    }
    assert [e.type for e in events_of(service)][-2:] == ["CANCELLATION_APPROVED", "CANCELLED"]
    assert events_of(service)[-1].user_id == staff_user.pk
