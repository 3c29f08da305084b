"""Request cancellation from the portal: when, a required reason, the password; it says
what will happen, and differs for immediate-mode plans."""

from django.test import override_settings

from saleor_services.models import CancellationRequest, Service, ServicePlan

from ..conftest import PASSWORD
from .conftest import PORTAL, text


def _post(client, service, **form):
    data = {"type": "END_OF_BILLING_PERIOD", "reason": "Moving elsewhere", "password": PASSWORD} | form
    return client.post(f"{PORTAL}services/{service.pk}/cancel/", data)


def test_the_form_says_when_it_ends_and_that_staff_review_it(signed_in, make_service):
    service = make_service()
    page = text(signed_in.get(f"{PORTAL}services/{service.pk}/cancel/"))
    assert "Our team reviews your request" in page
    assert 'name="password"' in page and 'name="reason"' in page


def test_cancel_at_period_end_with_the_password(signed_in, make_service):
    service = make_service()
    response = _post(signed_in, service)
    assert response.status_code == 302
    assert response["Location"] == f"{PORTAL}services/{service.pk}/?done=cancellation_requested"
    request = CancellationRequest.objects.get(service=service)
    assert (request.type, request.status, request.reason) == ("END_OF_BILLING_PERIOD", "PENDING", "Moving elsewhere")
    assert request.requested_by_type == "CUSTOMER"
    page = text(signed_in.get(response["Location"]))
    assert "Your cancellation request was recorded." in page and 'data-testid="withdraw"' in page


def test_a_wrong_password_or_missing_reason_changes_nothing(signed_in, make_service, unchanged):
    service = make_service()
    with unchanged():
        wrong = _post(signed_in, service, password="nope")
        missing = _post(signed_in, service, reason="  ")
    assert wrong.status_code == 400 and "The password is incorrect." in text(wrong)
    assert missing.status_code == 400 and "Tell us why you are cancelling." in text(missing)


@override_settings(SALEOR_SERVICES={"PORTAL_CANCELLATION_REASONS": ["Too expensive", "Not needed"]})
def test_a_reason_from_the_stores_list(signed_in, make_service):
    service = make_service()
    assert "Too expensive" in text(signed_in.get(f"{PORTAL}services/{service.pk}/cancel/"))
    _post(signed_in, service, reason_choice="Too expensive", reason="")
    assert CancellationRequest.objects.get(service=service).reason == "Too expensive"


def test_an_immediate_mode_plan_says_so_and_cancels_at_once(signed_in, make_service):
    plan = ServicePlan.objects.create(name="Instant", variant_id=21, cancellation_mode="IMMEDIATE")
    service = make_service(plan=plan)
    page = text(signed_in.get(f"{PORTAL}services/{service.pk}/cancel/"))
    assert "Your request takes effect at once, without review." in page
    _post(signed_in, service, type="IMMEDIATE")
    assert Service.objects.get(pk=service.pk).status == "CANCELLED"


def test_a_plan_without_customer_cancellation_offers_no_button(signed_in, make_service, unchanged):
    service = make_service(plan=ServicePlan.objects.create(name="Locked", variant_id=22, allow_cancel=False))
    assert 'data-testid="cancel-link"' not in text(signed_in.get(f"{PORTAL}services/{service.pk}/"))
    with unchanged():
        assert _post(signed_in, service).status_code == 400
