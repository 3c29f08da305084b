from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create

from ..conftest import PASSWORD, events_of
from .conftest import gid

MUTATION = """mutation($id: ID!) { serviceCancellationRequestWithdraw(id: $id) {
  cancellationRequest { status service { cancellationPending } } errors { code } } }"""


def test_customer_withdraws(api, make_service, customer):
    service = make_service()
    request = cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(customer), type="IMMEDIATE", reason="x", password=PASSWORD
    )
    payload = api.post(MUTATION, {"id": gid(request)}, user=customer)["data"]["serviceCancellationRequestWithdraw"]
    assert payload == {
        "cancellationRequest": {"status": "WITHDRAWN", "service": {"cancellationPending": False}}, "errors": []
    }
    request.refresh_from_db()
    assert request.status == "WITHDRAWN"
    assert events_of(service)[-1].type == "CANCELLATION_WITHDRAWN"
