from decimal import Decimal

from django.utils import timezone

from saleor_services.models import ServicePlan

from .conftest import gid

QUERY = """query($id: ID!, $plan: ID!) { serviceChangePlanPreview(id: $id, planId: $plan) {
  targetPlan { name } currentAmount { amount } newAmount { amount } proratedAmount { amount currency }
  daysLeft daysInPeriod isUpgrade } }"""


def test_customer_gets_a_quote(api, make_service, customer, plan):
    big = ServicePlan.objects.create(name="Big", variant_id=12, price_amount=Decimal("40"), currency="USD")
    plan.change_targets.add(big)
    service = make_service(today=timezone.localdate())

    quote = api.post(QUERY, {"id": gid(service), "plan": gid(big)}, user=customer)["data"]["serviceChangePlanPreview"]

    assert quote["targetPlan"] == {"name": "Big"}
    assert quote["currentAmount"] == {"amount": 9.99} and quote["newAmount"] == {"amount": 40.0}
    assert quote["daysLeft"] == quote["daysInPeriod"]  # bought today: the whole period is left
    assert quote["proratedAmount"] == {"amount": 30.01, "currency": "USD"}
    assert quote["isUpgrade"] is True
