from saleor_services.graphql.ids import global_id
from saleor_services.models import ServicePlan

MUTATION = """mutation($id: ID!, $input: ServicePlanUpdateInput!) { servicePlanUpdate(id: $id, input: $input) {
  servicePlan { name allowCancel noticePeriodDays } errors { field code } } }"""


def test_staff_update_a_plan(api, staff_user, plan):
    payload = api.post(MUTATION, {"id": global_id("ServicePlan", plan.pk),
                                  "input": {"name": "Hosting Plus", "allowCancel": False, "noticePeriodDays": 14}},
                       user=staff_user)["data"]["servicePlanUpdate"]
    assert payload == {
        "servicePlan": {"name": "Hosting Plus", "allowCancel": False, "noticePeriodDays": 14}, "errors": []
    }
    plan.refresh_from_db()
    assert (plan.name, plan.allow_cancel, plan.notice_period_days) == ("Hosting Plus", False, 14)


def test_a_plan_cannot_target_itself(api, staff_user, plan, unchanged):
    with unchanged():
        payload = api.post(MUTATION, {"id": global_id("ServicePlan", plan.pk),
                                      "input": {"changeTargets": [global_id("ServicePlan", plan.pk)]}},
                           user=staff_user)["data"]["servicePlanUpdate"]
    assert payload["errors"] == [{"field": "changeTargets", "code": "INVALID"}]
    assert not ServicePlan.objects.get(pk=plan.pk).change_targets.exists()
