from datetime import timedelta

from saleor_services.enums import ServiceStatus
from saleor_services.graphql.ids import global_id
from saleor_services.models import Service, ServicePlan

from ..conftest import TODAY
from .conftest import gid

QUERY = """query($filter: ServiceFilterInput, $search: String) {
  services(first: 50, filter: $filter, search: $search) { totalCount edges { node { id } } }
}"""


def _ids(api, user, **variables):
    content = api.post(QUERY, variables, user=user)
    return sorted(edge["node"]["id"] for edge in content["data"]["services"]["edges"])


def test_staff_see_everyone_and_filter(api, staff_user, make_service, customer, other_customer):
    vps = ServicePlan.objects.create(name="VPS", variant_id=55, product_id=5)
    mine = make_service()
    theirs = make_service(user=other_customer, plan=vps)
    suspended = make_service(ServiceStatus.SUSPENDED, user=other_customer)
    Service.objects.filter(pk=theirs.pk).update(
        server_hostname="srv9.example.net", next_due_date=TODAY + timedelta(days=40)
    )

    assert _ids(api, staff_user) == sorted([gid(mine), gid(theirs), gid(suspended)])
    assert _ids(api, staff_user, filter={"status": ["SUSPENDED"]}) == [gid(suspended)]
    assert _ids(api, staff_user, filter={"plans": [gid(vps)]}) == [gid(theirs)]
    assert _ids(api, staff_user, filter={"products": [global_id("Product", 5)]}) == [gid(theirs)]
    assert _ids(api, staff_user, filter={"variants": [global_id("ProductVariant", 55)]}) == [gid(theirs)]
    assert _ids(api, staff_user, filter={"servers": ["srv9.example.net"]}) == [gid(theirs)]
    assert _ids(api, staff_user, filter={"customer": "other@"}) == sorted([gid(theirs), gid(suspended)])
    due = {"gte": str(TODAY + timedelta(days=35)), "lte": str(TODAY + timedelta(days=45))}
    assert _ids(api, staff_user, filter={"nextDueDate": due}) == [gid(theirs)]
    assert _ids(api, staff_user, filter={"createdAt": {"lte": "2000-01-01"}}) == []


def test_search_across_domain_email_name_and_product(api, staff_user, make_service, other_customer):
    one, two, three, four = (make_service(), make_service(), make_service(user=other_customer), make_service())
    Service.objects.filter(pk=one.pk).update(domain="shop.example.org")
    Service.objects.filter(pk=two.pk).update(customer_name="Grace Hopper")
    Service.objects.filter(pk=four.pk).update(product_name="Exchange Mail")

    assert _ids(api, staff_user, search="shop.example") == [gid(one)]
    assert _ids(api, staff_user, search="hopper") == [gid(two)]
    assert _ids(api, staff_user, search="other@example") == [gid(three)]
    assert _ids(api, staff_user, search="exchange") == [gid(four)]


def test_search_and_customer_filter_match_inside_one_column(api, staff_user, make_service):
    """One trigram index holds the four columns joined; a match must still lie in one."""
    service = make_service()
    Service.objects.filter(pk=service.pk).update(
        domain="shop.example.org", user_email="grace@example.com", customer_name="Grace Hopper"
    )

    assert _ids(api, staff_user, search="SHOP.example.ORG") == [gid(service)]
    assert _ids(api, staff_user, search="example.org\ngrace") == []
    assert _ids(api, staff_user, search="org grace") == []
    assert _ids(api, staff_user, search="100%") == []
    assert _ids(api, staff_user, filter={"customer": "shop.example"}) == []
    assert _ids(api, staff_user, filter={"customer": "hopper"}) == [gid(service)]


def test_foreign_id_in_a_filter_is_refused(api, staff_user, make_service):
    make_service()
    content = api.post(QUERY, {"filter": {"plans": [global_id("Order", 1)]}}, user=staff_user, expect_errors=True)
    assert content["data"]["services"] is None
    assert "ServicePlan" in content["errors"][0]["message"]


TABS = """{
  all: services(first: 0) { totalCount }
  active: services(first: 0, filter: {status: [ACTIVE]}) { totalCount }
  ended: services(first: 0, filter: {status: [TERMINATED, ARCHIVED]}) { totalCount }
  everything: services(first: 0, filter: {includeArchived: true}) { totalCount }
  onPlan: services(first: 0, filter: {status: [ACTIVE], plans: [$plan]}) { totalCount }
  searched: services(first: 0, search: "example") { totalCount }
}"""


def test_status_tabs_are_counted_from_the_status_counts(api, staff_user, make_service, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for status in ["ACTIVE"] * 3 + ["SUSPENDED", "TERMINATED", "ARCHIVED"]:
        make_service(status)
    query = TABS.replace("$plan", f'"{gid(plan)}"')

    with CaptureQueriesContext(connection) as captured:
        data = api.post(query, user=staff_user)["data"]

    assert {name: field["totalCount"] for name, field in data.items()} == {
        "all": 5, "active": 3, "ended": 2, "everything": 6, "onPlan": 3, "searched": 5,
    }
    # Only the plan filter and the search count the services themselves.
    counted = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert len(counted) == 2 and all("saleor_services_service" in sql for sql in counted)
