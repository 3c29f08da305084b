from saleor_services.graphql.ids import global_id
from saleor_services.models import ServicePlan

MUTATION = """mutation($input: ServicePlanCreateInput!) { servicePlanCreate(input: $input) {
  servicePlan { id name variantId productId billingCycle allowPause allowCancel cancellationMode
                noticePeriodDays activationMode automationOverrides changeTargets { name } servicesCount }
  errors { field code } } }"""


def test_staff_create_a_plan(api, staff_user, plan):
    payload = api.post(MUTATION, {"input": {
        "name": "VPS 8 GB", "variantId": global_id("ProductVariant", 42), "billingCycle": "QUARTERLY",
        "allowPause": False, "cancellationMode": "IMMEDIATE", "noticePeriodDays": 30,
        "activationMode": "MANUAL", "automationOverrides": {"GRACE_DAYS": 5},
        "changeTargets": [global_id("ServicePlan", plan.pk)],
    }}, user=staff_user)["data"]["servicePlanCreate"]

    assert payload["errors"] == []
    created = ServicePlan.objects.get(name="VPS 8 GB")
    assert payload["servicePlan"] == {
        "id": global_id("ServicePlan", created.pk), "name": "VPS 8 GB",
        "variantId": global_id("ProductVariant", 42), "productId": None, "billingCycle": "QUARTERLY",
        "allowPause": False, "allowCancel": True, "cancellationMode": "IMMEDIATE", "noticePeriodDays": 30,
        "activationMode": "MANUAL", "automationOverrides": {"GRACE_DAYS": 5},
        "changeTargets": [{"name": "Hosting"}], "servicesCount": 0,
    }
    assert created.variant_id == 42 and list(created.change_targets.all()) == [plan]


def test_duplicate_variant_and_bad_overrides_are_refused(api, staff_user, plan, unchanged):
    with unchanged():
        duplicate = api.post(MUTATION, {"input": {"name": "Again",
                                                  "variantId": global_id("ProductVariant", plan.variant_id)}},
                             user=staff_user)["data"]["servicePlanCreate"]
        overrides = api.post(MUTATION, {"input": {"name": "Odd", "variantId": global_id("ProductVariant", 7),
                                                  "automationOverrides": {"GRACE_DAYS": -1}}},
                             user=staff_user)["data"]["servicePlanCreate"]
    assert duplicate["errors"] == [{"field": "variantId", "code": "UNIQUE"}]
    assert overrides["errors"] == [{"field": "automationOverrides", "code": "INVALID"}]
