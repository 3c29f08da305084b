"""Withdraw a pending cancellation request from the service page."""

from saleor_services.cancellation import cancellation_request_create
from saleor_services.models import CancellationRequest

from ..conftest import PASSWORD
from .conftest import PORTAL, text


def test_withdraw_a_pending_request(signed_in, make_service, as_customer):
    service = make_service()
    cancellation_request_create(
        service_id=service.pk, actor=as_customer, type="END_OF_BILLING_PERIOD", reason="Moving", password=PASSWORD
    )
    response = signed_in.post(f"{PORTAL}services/{service.pk}/withdraw/")
    assert response["Location"] == f"{PORTAL}services/{service.pk}/?done=cancellation_withdrawn"
    assert CancellationRequest.objects.get(service=service).status == "WITHDRAWN"
    page = text(signed_in.get(f"{PORTAL}services/{service.pk}/"))
    assert 'data-testid="cancel-link"' in page and 'data-testid="open-request"' not in page


def test_nothing_to_withdraw_is_not_found(signed_in, make_service, unchanged):
    service = make_service()
    with unchanged():
        assert signed_in.post(f"{PORTAL}services/{service.pk}/withdraw/").status_code == 404
