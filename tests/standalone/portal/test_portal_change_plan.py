"""Upgrade / downgrade: the allowed plans with their prorated quote, then the change."""

from decimal import Decimal

from django.utils import timezone

from saleor_services.models import Renewal, Service, ServicePlan

from .conftest import PORTAL, text


def test_the_comparison_quotes_each_plan_and_an_upgrade_opens_a_charge(signed_in, make_service, plan):
    big = ServicePlan.objects.create(name="Big", variant_id=12, price_amount=Decimal("40"), currency="USD")
    small = ServicePlan.objects.create(name="Small", variant_id=13, price_amount=Decimal("5"), currency="USD")
    plan.change_targets.add(big, small)
    service = make_service(today=timezone.localdate())
    page = text(signed_in.get(f"{PORTAL}services/{service.pk}/change-plan/"))
    assert "Pay $30.01 now for the rest of this period" in page
    assert "No charge now; the new plan and price start at the next renewal." in page

    response = signed_in.post(f"{PORTAL}services/{service.pk}/change-plan/", {"plan": big.pk})
    assert response["Location"] == f"{PORTAL}services/{service.pk}/?done=upgrade_charged"
    charge = Renewal.objects.get(service=service)
    assert (charge.kind, charge.amount, charge.target_plan) == ("UPGRADE", Decimal("30.010"), big)


def test_a_downgrade_waits_for_the_next_renewal(signed_in, make_service, plan):
    small = ServicePlan.objects.create(name="Small", variant_id=13, price_amount=Decimal("5"), currency="USD")
    plan.change_targets.add(small)
    service = make_service(today=timezone.localdate())
    response = signed_in.post(f"{PORTAL}services/{service.pk}/change-plan/", {"plan": small.pk})
    assert response["Location"] == f"{PORTAL}services/{service.pk}/?done=downgrade_scheduled"
    assert Service.objects.get(pk=service.pk).pending_plan == small


def test_a_plan_not_offered_is_refused(signed_in, make_service, unchanged):
    other = ServicePlan.objects.create(name="Other", variant_id=14, price_amount=Decimal("5"), currency="USD")
    service = make_service()
    with unchanged():
        response = signed_in.post(f"{PORTAL}services/{service.pk}/change-plan/", {"plan": other.pk})
    assert response.status_code == 400 and "The service cannot change to that plan." in text(response)
