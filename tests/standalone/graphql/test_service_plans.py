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


NAMES = "{ servicePlans(first: 100) { edges { node { name productName variantName } } } }"


def _catalogue_variant(variant_id, product_id, product_name, name):
    from standalone.models import CatalogueVariant

    return CatalogueVariant.objects.create(
        variant_id=variant_id, product_id=product_id, product_name=product_name, name=name
    )


def test_plans_name_what_they_sell_from_the_catalogue(api, staff_user, plan):
    _catalogue_variant(11, 1, "Shared Hosting", "Starter")
    _catalogue_variant(31, 3, "Backup", "")
    ServicePlan.objects.create(name="Backup", product_id=3)  # product-wide
    ServicePlan.objects.create(name="Gone", variant_id=99, product_id=9)  # no longer in the catalogue
    nodes = [edge["node"] for edge in api.post(NAMES, user=staff_user)["data"]["servicePlans"]["edges"]]
    assert nodes == [
        {"name": "Backup", "productName": "Backup", "variantName": ""},
        {"name": "Gone", "productName": "", "variantName": ""},
        {"name": "Hosting", "productName": "Shared Hosting", "variantName": "Starter"},
    ]


def test_a_page_of_plans_names_them_in_a_constant_number_of_queries(api, staff_user, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(100):
        _catalogue_variant(500 + n, 50 + n // 4, f"Product {n}", f"Variant {n}")
        ServicePlan.objects.create(name=f"Plan {n:03}", variant_id=500 + n)

    def queries(first):
        document = NAMES.replace("first: 100", f"first: {first}")
        with CaptureQueriesContext(connection) as captured:
            edges = api.post(document, user=staff_user)["data"]["servicePlans"]["edges"]
        assert len(edges) == first and all(edge["node"]["variantName"] for edge in edges)
        return len(captured)

    queries(1)  # warm-up
    counts = {first: queries(first) for first in (1, 10, 100)}
    assert counts[1] == counts[10] == counts[100], counts
