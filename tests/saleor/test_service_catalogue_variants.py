"""The plan form's catalogue search through Saleor's /graphql/: Saleor's own products,
variants and channel listings (prices as entered in each channel), the plan already
selling each variant, and plans named from the catalogue."""

from decimal import Decimal

import graphene
import pytest

pytest.importorskip("saleor")

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from saleor.graphql.tests.utils import assert_no_permission, get_graphql_content  # noqa: E402

from saleor_services.models import ServicePlan  # noqa: E402

SEARCH = """query($search: String, $first: Int) { serviceCatalogueVariants(search: $search, first: $first) {
  id productId productName name sku prices { channelSlug price { amount currency } } plan { name } } }"""
PLANS = "{ servicePlans(first: 100) { edges { node { name productName variantName } } } }"
CREATE = """mutation($variant: ID!) { servicePlanCreate(input: {name: "Hosting Pro", variantId: $variant}) {
  servicePlan { variantId productName variantName } errors { field code } } }"""


def _gid(type_name, pk):
    return graphene.Node.to_global_id(type_name, pk)


@pytest.fixture
def pro(store):
    """A second, named variant of Hosting: priced in the gross channel, listed unpriced in
    the net one."""
    from saleor.product.models import ProductVariant, ProductVariantChannelListing

    variant = ProductVariant.objects.create(product=store.variant.product, name="Pro", sku="HOSTING-PRO")
    ProductVariantChannelListing.objects.create(
        variant=variant, channel=store.gross, price_amount=Decimal("25.50"), currency="USD"
    )
    ProductVariantChannelListing.objects.create(variant=variant, channel=store.net, price_amount=None, currency="USD")
    return variant


def _search(client, **variables):
    return get_graphql_content(client.post_graphql(SEARCH, variables))["data"]["serviceCatalogueVariants"]


@pytest.mark.django_db
def test_staff_find_saleor_variants_with_their_channel_prices(manage_orders_staff, store, pro):
    found = _search(manage_orders_staff, search="hosting")
    prices = [
        {"channelSlug": slug, "price": {"amount": 10.0, "currency": "USD"}} for slug in ("svc-gross", "svc-net")
    ]
    assert found == [
        {
            "id": _gid("ProductVariant", store.variant.pk),
            "productId": _gid("Product", store.variant.product_id),
            "productName": "Hosting",
            "name": "",
            "sku": "HOSTING",
            "prices": prices,
            "plan": {"name": "Hosting monthly"},
        },
        {
            "id": _gid("ProductVariant", pro.pk),
            "productId": _gid("Product", store.variant.product_id),
            "productName": "Hosting",
            "name": "Pro",
            "sku": "HOSTING-PRO",
            "prices": [{"channelSlug": "svc-gross", "price": {"amount": 25.5, "currency": "USD"}}],
            "plan": None,
        },
    ]
    assert [row["name"] for row in _search(manage_orders_staff, search="hosting-pro")] == ["Pro"]
    assert [row["productName"] for row in _search(manage_orders_staff, search="BACK")] == ["Backup"]
    assert [row["sku"] for row in _search(manage_orders_staff, search="hosting pro")] == ["HOSTING-PRO"]
    assert len(_search(manage_orders_staff, first=1)) == 1
    assert len(_search(manage_orders_staff, first=0)) == 1


@pytest.mark.django_db
def test_the_found_id_is_what_plan_create_takes(manage_orders_staff, store, pro):
    [found] = _search(manage_orders_staff, search="hosting-pro")
    content = get_graphql_content(manage_orders_staff.post_graphql(CREATE, {"variant": found["id"]}))
    assert content["data"]["servicePlanCreate"] == {
        "servicePlan": {"variantId": found["id"], "productName": "Hosting", "variantName": "Pro"},
        "errors": [],
    }
    assert _search(manage_orders_staff, search="hosting-pro")[0]["plan"] == {"name": "Hosting Pro"}


@pytest.mark.django_db
def test_plans_are_named_from_saleor_s_catalogue(manage_orders_staff, store, pro):
    ServicePlan.objects.create(name="Any Backup", product_id=store.other_variant.product_id)
    store.other_plan.delete()
    ServicePlan.objects.create(name="Pro", variant_id=pro.pk)
    gone = ServicePlan.objects.create(name="Retired", variant_id=pro.pk + 1000, product_id=pro.product_id + 1000)
    content = get_graphql_content(manage_orders_staff.post_graphql(PLANS))
    nodes = [edge["node"] for edge in content["data"]["servicePlans"]["edges"]]
    assert nodes == [
        {"name": "Any Backup", "productName": "Backup", "variantName": ""},
        {"name": "Hosting monthly", "productName": "Hosting", "variantName": ""},
        {"name": "Pro", "productName": "Hosting", "variantName": "Pro"},
        {"name": gone.name, "productName": "", "variantName": ""},
    ]


@pytest.mark.django_db
def test_names_and_prices_cost_a_constant_number_of_queries(manage_orders_staff, store, category, warehouse):
    from saleor.product.models import Product, ProductVariant, ProductVariantChannelListing

    def add(count):
        for _ in range(count):
            n = ServicePlan.objects.count()
            product = Product.objects.create(
                name=f"Extra {n}", slug=f"extra-{n}", product_type=store.variant.product.product_type, category=category
            )
            variant = ProductVariant.objects.create(product=product, name=f"V{n}", sku=f"EXTRA-{n}")
            ProductVariantChannelListing.objects.create(
                variant=variant, channel=store.gross, price_amount=Decimal(n), currency="USD"
            )
            ServicePlan.objects.create(name=f"Extra {n}", variant_id=variant.pk)

    def queries(document, variables=None):
        with CaptureQueriesContext(connection) as captured:
            get_graphql_content(manage_orders_staff.post_graphql(document, variables))
        return len(captured)

    queries(PLANS), queries(SEARCH, {"first": 100})  # warm-up: Saleor's caches
    before = queries(PLANS), queries(SEARCH, {"first": 100})
    add(12)
    assert (queries(PLANS), queries(SEARCH, {"first": 100})) == before


@pytest.mark.django_db
def test_staff_without_manage_orders_are_refused(staff_api_client, store):
    assert_no_permission(staff_api_client.post_graphql(SEARCH, {"search": "hosting"}))


@pytest.mark.django_db
def test_an_app_with_manage_orders_searches_too(app_api_client, permission_manage_orders, store):
    app_api_client.app.permissions.add(permission_manage_orders)
    assert [row["productName"] for row in _search(app_api_client)] == ["Backup", "Hosting"]
