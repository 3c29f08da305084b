from saleor_services.graphql.ids import global_id
from saleor_services.models import ServicePlan

MUTATION = """mutation($id: ID!) { servicePlanDelete(id: $id) { servicePlan { id name } errors { field code } } }"""


def test_unused_plan_is_deleted(api, staff_user):
    plan = ServicePlan.objects.create(name="Old", variant_id=3)
    payload = api.post(
        MUTATION, {"id": global_id("ServicePlan", plan.pk)}, user=staff_user
    )["data"]["servicePlanDelete"]
    assert payload == {"servicePlan": {"id": global_id("ServicePlan", plan.pk), "name": "Old"}, "errors": []}
    assert not ServicePlan.objects.filter(pk=plan.pk).exists()


def test_plan_in_use_is_kept(api, staff_user, make_service, unchanged):
    service = make_service()
    with unchanged():
        payload = api.post(MUTATION, {"id": global_id("ServicePlan", service.plan_id)}, user=staff_user)
    assert payload["data"]["servicePlanDelete"]["errors"] == [{"field": "id", "code": "PLAN_IN_USE"}]
