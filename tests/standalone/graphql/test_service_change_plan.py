from decimal import Decimal

from django.utils import timezone

from saleor_services.models import Renewal, ServicePlan

from .conftest import gid

MUTATION = """mutation($id: ID!, $plan: ID!) { serviceChangePlan(id: $id, planId: $plan) {
  service { pendingPlan { name } } quote { isUpgrade proratedAmount { amount } }
  renewal { kind amount { amount } targetPlan { name } } errors { field code } } }"""


def test_customer_downgrades_at_the_next_renewal(api, make_service, customer, plan):
    small = ServicePlan.objects.create(name="Small", variant_id=13, price_amount=Decimal("5"), currency="USD")
    plan.change_targets.add(small)
    service = make_service(today=timezone.localdate())

    payload = api.post(MUTATION, {"id": gid(service), "plan": gid(small)}, user=customer)["data"]["serviceChangePlan"]

    assert payload["errors"] == []
    assert payload["service"]["pendingPlan"] == {"name": "Small"}
    assert payload["quote"]["isUpgrade"] is False and payload["renewal"] is None
    assert service.events.order_by("pk").last().type == "PLAN_CHANGE_REQUESTED"


def test_customer_upgrades_with_a_charge(api, make_service, customer, plan):
    big = ServicePlan.objects.create(name="Big", variant_id=12, price_amount=Decimal("40"), currency="USD")
    plan.change_targets.add(big)
    service = make_service(today=timezone.localdate())

    payload = api.post(MUTATION, {"id": gid(service), "plan": gid(big)}, user=customer)["data"]["serviceChangePlan"]

    assert payload["renewal"] == {"kind": "UPGRADE", "amount": {"amount": 30.01}, "targetPlan": {"name": "Big"}}
    assert Renewal.objects.get(service=service).kind == "UPGRADE"


def test_a_plan_not_offered_is_refused(api, make_service, customer, unchanged):
    other = ServicePlan.objects.create(name="Other", variant_id=14, price_amount=Decimal("5"), currency="USD")
    service = make_service()
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service), "plan": gid(other)}, user=customer)
    assert payload["data"]["serviceChangePlan"]["errors"] == [{"field": "plan", "code": "NOT_ALLOWED_BY_PLAN"}]
