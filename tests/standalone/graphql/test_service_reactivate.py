"""serviceReactivate, Service.canReactivate and the plan's allowReactivation."""

from saleor_services.graphql.ids import global_id
from saleor_services.models import Renewal, ServicePlan

from .conftest import gid

MUTATION = """mutation($id: ID!) { serviceReactivate(id: $id) {
  service { status canReactivate availableActions renewals { status } } errors { field code } } }"""
QUERY = """query($id: ID!) { service(id: $id) { canReactivate availableActions plan { allowReactivation } } }"""


def test_customer_reactivates_when_the_plan_allows(api, make_service, customer):
    plan = ServicePlan.objects.create(name="Flexible", variant_id=31, allow_reactivation=True)
    service = make_service("CANCELLED", plan=plan)
    seen = api.post(QUERY, {"id": gid(service)}, user=customer)["data"]["service"]
    assert seen == {"canReactivate": True, "availableActions": ["REACTIVATE"], "plan": {"allowReactivation": True}}
    payload = api.post(MUTATION, {"id": gid(service)}, user=customer)["data"]["serviceReactivate"]
    assert payload["errors"] == []
    assert payload["service"]["status"] == "ACTIVE" and payload["service"]["canReactivate"] is False
    assert payload["service"]["renewals"] == [{"status": "OPEN"}]


def test_the_plan_refuses_it_by_default(api, make_service, customer, unchanged):
    service = make_service("CANCELLED")
    assert api.post(QUERY, {"id": gid(service)}, user=customer)["data"]["service"]["canReactivate"] is False
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service)}, user=customer)["data"]["serviceReactivate"]
    assert payload == {"service": None, "errors": [{"field": None, "code": "NOT_ALLOWED_BY_PLAN"}]}
    assert not Renewal.objects.exists()


def test_staff_turn_it_on_for_a_plan(api, staff_user):
    mutation = """mutation($input: ServicePlanCreateInput!) { servicePlanCreate(input: $input) {
      servicePlan { allowReactivation } errors { code } } }"""
    plan_input = {"name": "Flex", "variantId": global_id("ProductVariant", 41), "allowReactivation": True}
    payload = api.post(mutation, {"input": plan_input}, user=staff_user)
    assert payload["data"]["servicePlanCreate"] == {"servicePlan": {"allowReactivation": True}, "errors": []}
