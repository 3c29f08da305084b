from django.utils import timezone

from saleor_services.models import CancellationRequest

from ..conftest import PASSWORD, events_of
from .conftest import gid

MUTATION = """mutation($id: ID!, $input: ServiceCancellationRequestCreateInput!) {
  serviceCancellationRequestCreate(id: $id, input: $input) {
    cancellationRequest { id type status reason effectiveDate }
    service { id status cancellationPending cancellationEffectiveDate canCancel }
    errors { field code message }
  }
}"""


def test_customer_requests_cancellation(api, make_service, customer):
    service = make_service(today=timezone.localdate())
    payload = api.post(
        MUTATION,
        {"id": gid(service), "input": {"type": "END_OF_BILLING_PERIOD", "reason": "Moving", "password": PASSWORD}},
        user=customer,
    )["data"]["serviceCancellationRequestCreate"]

    assert payload["errors"] == []
    request = CancellationRequest.objects.get()
    assert payload["cancellationRequest"] == {
        "id": gid(request), "type": "END_OF_BILLING_PERIOD", "status": "PENDING",
        "reason": "Moving", "effectiveDate": str(service.next_due_date),
    }
    assert payload["service"]["cancellationPending"] is True
    assert payload["service"]["canCancel"] is False
    assert [e.type for e in events_of(service)][-1] == "CANCELLATION_REQUESTED"


def test_wrong_password_is_a_typed_error(api, make_service, customer, unchanged):
    service = make_service()
    with unchanged():
        payload = api.post(
            MUTATION, {"id": gid(service), "input": {"type": "IMMEDIATE", "reason": "x", "password": "nope"}},
            user=customer,
        )["data"]["serviceCancellationRequestCreate"]
    assert payload["errors"] == [
        {"field": "password", "code": "PASSWORD_INCORRECT", "message": "The password is incorrect."}
    ]
    assert payload["cancellationRequest"] is None
