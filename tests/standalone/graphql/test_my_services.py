from saleor_services.enums import ServiceStatus

from .conftest import gid

QUERY = """query($filter: ServiceFilterInput, $search: String, $sort: ServiceSortingInput) {
  myServices(first: 50, filter: $filter, search: $search, sortBy: $sort) {
    totalCount edges { node { id productName domain status billingCycle nextDueDate password
      recurringAmount { amount currency } } }
  }
}"""


def _ids(content):
    return [edge["node"]["id"] for edge in content["data"]["myServices"]["edges"]]


def test_lists_only_own_services_without_archived(api, make_service, customer, other_customer):
    active = make_service()
    suspended = make_service(ServiceStatus.SUSPENDED)
    make_service(ServiceStatus.ARCHIVED)
    make_service(user=other_customer)

    content = api.post(QUERY, user=customer)

    assert sorted(_ids(content)) == sorted([gid(active), gid(suspended)])
    assert content["data"]["myServices"]["totalCount"] == 2
    node = content["data"]["myServices"]["edges"][0]["node"]
    assert node["recurringAmount"] == {"amount": 9.99, "currency": "USD"}
    assert node["password"] is None


def test_status_tabs_and_archived_on_request(api, make_service, customer):
    make_service()
    suspended = make_service(ServiceStatus.SUSPENDED)
    archived = make_service(ServiceStatus.ARCHIVED)

    assert _ids(api.post(QUERY, {"filter": {"status": ["SUSPENDED"]}}, user=customer)) == [gid(suspended)]
    assert _ids(api.post(QUERY, {"filter": {"status": ["ARCHIVED"]}}, user=customer)) == [gid(archived)]
    assert len(_ids(api.post(QUERY, {"filter": {"includeArchived": True}}, user=customer))) == 3


def test_search_and_sort_by_name(api, make_service, customer):
    from saleor_services.models import Service

    first, second, third = make_service(), make_service(), make_service()
    for service, name, domain in ((first, "Zeta VPS", "zeta.example"), (second, "Alpha Hosting", "alpha.example"),
                                  (third, "Mail", "shop.example")):
        Service.objects.filter(pk=service.pk).update(product_name=name, domain=domain)

    by_name = api.post(QUERY, {"sort": {"field": "NAME", "direction": "ASC"}}, user=customer)
    assert _ids(by_name) == [gid(second), gid(third), gid(first)]
    assert _ids(api.post(QUERY, {"search": "shop"}, user=customer)) == [gid(third)]
