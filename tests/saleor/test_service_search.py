"""The search box through Saleor's /graphql/: the trigram index of migration 0015 in
Saleor's database, and the same matches as per-column icontains."""

import pytest

pytest.importorskip("saleor")

from django.db import connection  # noqa: E402
from saleor.graphql.tests.utils import get_graphql_content  # noqa: E402

from saleor_services import search  # noqa: E402
from saleor_services.models import Service, ServicePlan  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

from ..many_services import copies_of  # noqa: E402

SEARCH = """query($search: String) { services(first: 10, search: $search) { totalCount edges { node { id } } } }"""


@pytest.fixture
def searched_services(order_with_lines):
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    ServicesPlugin(configuration=[], active=True).order_fully_paid(order_with_lines, previous_value=None)
    services = list(Service.objects.filter(order_id=order_with_lines.pk).order_by("pk"))
    for index, service in enumerate(services):
        Service.objects.filter(pk=service.pk).update(domain=f"shop{index}.example.org")
    search._samples.clear()
    yield services
    search._samples.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("analysed", [False, True], ids=["no statistics", "after ANALYZE"])
def test_staff_search_through_saleor(
    staff_api_client, permission_group_manage_orders, searched_services, order_with_lines, analysed
):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    if analysed:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE saleor_services_service")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'service_search_spelt_trgm_idx'")
        assert cursor.fetchone() is not None

    def count(text):
        content = get_graphql_content(staff_api_client.post_graphql(SEARCH, {"search": text}))
        return content["data"]["services"]["totalCount"]

    assert count("SHOP0.example") == 1
    assert count(order_with_lines.user_email.split("@")[0].upper()) == len(searched_services)
    assert count("no-such-service") == 0
    assert count("org\nuser") == 0


@pytest.mark.django_db
def test_a_search_in_most_services_is_served_with_a_null_count_beyond_the_cap(
    staff_api_client, permission_group_manage_orders, searched_services
):
    """Through Saleor's /graphql/ (its database connection and error classes): a text the
    index cannot narrow is counted up to COUNT_CAP matches, then totalCount is null."""
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    copies_of(searched_services[0], search.COUNT_CAP + 100)

    content = get_graphql_content(
        staff_api_client.post_graphql(
            "query($s: String) { services(first: 5, search: $s) { totalCount pageInfo { hasNextPage } "
            "edges { node { id } } } }",
            {"s": "example.org"},
        )
    )

    services = content["data"]["services"]
    assert services["totalCount"] is None
    assert len(services["edges"]) == 5 and services["pageInfo"]["hasNextPage"] is True
