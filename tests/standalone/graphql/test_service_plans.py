from saleor_services.models import ServicePlan

from .conftest import gid

LIST = (
    "{ servicePlans(first: 10, sortBy: {field: NAME, direction: ASC}) "
    "{ totalCount edges { node { name servicesCount } } } }"
)
ONE = """query($id: ID!) { servicePlan(id: $id) { name billingCycle changeTargets { name } } }"""


def test_plans_list_with_usage(api, staff_user, make_service, plan):
    ServicePlan.objects.create(name="Backup", variant_id=70)
    make_service()
    data = api.post(LIST, user=staff_user)["data"]["servicePlans"]
    assert data["totalCount"] == 2
    assert [edge["node"] for edge in data["edges"]] == [
        {"name": "Backup", "servicesCount": 0}, {"name": "Hosting", "servicesCount": 1},
    ]


def test_one_plan(api, staff_user, plan):
    backup = ServicePlan.objects.create(name="Backup", variant_id=70)
    plan.change_targets.add(backup)
    assert api.post(ONE, {"id": gid(plan)}, user=staff_user)["data"]["servicePlan"] == {
        "name": "Hosting", "billingCycle": "MONTHLY", "changeTargets": [{"name": "Backup"}],
    }
