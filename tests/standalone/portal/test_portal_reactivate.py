"""Reactivate a cancelled service from its page, when the plan allows it."""

from saleor_services.models import Renewal, Service, ServicePlan

from .conftest import PORTAL, text


def test_reactivate_from_the_service_page(signed_in, make_service):
    plan = ServicePlan.objects.create(name="Flexible", variant_id=31, allow_reactivation=True)
    service = make_service("CANCELLED", plan=plan)
    page = text(signed_in.get(f"{PORTAL}services/{service.pk}/"))
    assert 'data-testid="reactivate"' in page and "billed $9.99" in page
    response = signed_in.post(f"{PORTAL}services/{service.pk}/reactivate/")
    assert response["Location"] == f"{PORTAL}services/{service.pk}/?done=reactivated"
    assert Service.objects.get(pk=service.pk).status == "ACTIVE"
    renewal = Renewal.objects.get(service=service)
    assert renewal.status == "OPEN"


def test_no_button_and_a_refusal_when_the_plan_does_not_allow_it(signed_in, make_service, unchanged):
    service = make_service("CANCELLED")
    assert 'data-testid="reactivate"' not in text(signed_in.get(f"{PORTAL}services/{service.pk}/"))
    with unchanged():
        response = signed_in.post(f"{PORTAL}services/{service.pk}/reactivate/")
    assert response.status_code == 400 and "Your plan does not allow this" in text(response)
