"""Staff search the host's catalogue for what a plan sells: product name, variant name or
SKU, each variant with its channel prices and the plan already selling it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_services.graphql.ids import global_id
from saleor_services.models import ServicePlan
from standalone.models import CatalogueVariant

from .conftest import gid, restricted_staff_in

SEARCH = """query($search: String, $first: Int) { serviceCatalogueVariants(search: $search, first: $first) {
  id productId productName name sku prices { channelSlug price { amount currency } priceText(locale: "en") }
  plan { id name }
} }"""


def _variant(variant_id, product_id, product_name, name="", sku=None, **prices):
    return CatalogueVariant.objects.create(
        variant_id=variant_id, product_id=product_id, product_name=product_name, name=name, sku=sku,
        channel_prices={slug: {"amount": amount, "currency": "USD"} for slug, amount in prices.items()},
    )


@pytest.fixture
def catalogue(db):
    return [
        _variant(11, 1, "Shared Hosting", "Starter", "HOST-START", **{"default-channel": "4.99", "eu": "5.49"}),
        _variant(12, 1, "Shared Hosting", "Pro", "HOST-PRO", **{"default-channel": "9.99"}),
        _variant(21, 2, "VPS", "8 GB", "VPS-8"),  # listed nowhere
        _variant(31, 3, "Backup", "", None, **{"default-channel": "2.00"}),
    ]


def _search(api, user, **variables):
    return api.post(SEARCH, variables, user=user)["data"]["serviceCatalogueVariants"]


def test_a_variant_with_its_prices_and_its_plan(api, staff_user, catalogue, plan):
    [found] = _search(api, staff_user, search="starter")
    assert found == {
        "id": global_id("ProductVariant", 11),
        "productId": global_id("Product", 1),
        "productName": "Shared Hosting",
        "name": "Starter",
        "sku": "HOST-START",
        "prices": [
            {"channelSlug": "default-channel", "price": {"amount": 4.99, "currency": "USD"}, "priceText": "$4.99"},
            {"channelSlug": "eu", "price": {"amount": 5.49, "currency": "USD"}, "priceText": "$5.49"},
        ],
        "plan": {"id": gid(plan), "name": "Hosting"},
    }


def test_every_word_matches_the_product_variant_or_sku(api, staff_user, catalogue):
    def names(search):
        return [(row["productName"], row["name"]) for row in _search(api, staff_user, search=search)]

    assert names("hosting") == [("Shared Hosting", "Pro"), ("Shared Hosting", "Starter")]
    assert names("HOSTING pro") == [("Shared Hosting", "Pro")]
    assert names("vps-8") == [("VPS", "8 GB")]
    assert names("  ") == names(None) == [
        ("Backup", ""), ("Shared Hosting", "Pro"), ("Shared Hosting", "Starter"), ("VPS", "8 GB"),
    ]
    assert names("nothing like it") == []
    assert names("sta\x00rter") == [("Shared Hosting", "Starter")]  # NUL dropped, never a server error


def test_a_variant_without_name_sku_or_prices(api, staff_user, catalogue):
    [vps] = _search(api, staff_user, search="VPS")
    assert (vps["name"], vps["sku"], vps["prices"], vps["plan"]) == ("8 GB", "VPS-8", [], None)
    [backup] = _search(api, staff_user, search="backup")
    assert (backup["name"], backup["sku"]) == ("", None)


def test_a_product_wide_plan_sells_its_variants_unless_one_has_its_own(api, staff_user, catalogue, plan):
    product_plan = ServicePlan.objects.create(name="Hosting (any)", product_id=1)
    plans = {row["name"]: row["plan"]["name"] for row in _search(api, staff_user, search="hosting")}
    assert plans == {"Starter": "Hosting", "Pro": product_plan.name}


def test_first_is_clamped_to_1_to_100(api, staff_user, catalogue):
    assert len(_search(api, staff_user, first=2)) == 2
    assert len(_search(api, staff_user, first=0)) == 1
    assert len(_search(api, staff_user, first=-5)) == 1
    assert len(_search(api, staff_user, first=10_000)) == 4
    assert len(_search(api, staff_user, first=None)) == 4


def test_a_long_search_is_cut_to_256_characters(api, staff_user, catalogue):
    assert _search(api, staff_user, search="hosting" + " " * 250 + "no-such-word") != []
    assert _search(api, staff_user, search="hosting" + " " * 240 + "no-such-word") == []


def test_it_lists_101_variants_in_a_constant_number_of_queries(api, staff_user, db):
    for n in range(1, 106):
        _variant(1000 + n, 100 + n // 3, f"Product {n:03}", "Monthly", f"SKU-{n}", **{"default-channel": "1.00"})
        if n % 2:
            ServicePlan.objects.create(name=f"Plan {n}", variant_id=1000 + n)

    def queries(first):
        with CaptureQueriesContext(connection) as captured:
            assert len(_search(api, staff_user, first=first)) == first
        return len(captured)

    queries(1)  # warm-up: process-wide caches
    counts = {first: queries(first) for first in (1, 10, 100)}
    assert counts[1] == counts[10] == counts[100] <= 5, counts  # auth, permission, variants, plans


def test_channel_restricted_staff_see_every_channel_s_price(api, catalogue):
    # Saleor restricts staff to channels for orders, not the catalogue; plans are not per
    # channel either, so the plan form shows every channel's price.
    staff = restricted_staff_in("eu")
    [found] = _search(api, staff, search="starter")
    assert [price["channelSlug"] for price in found["prices"]] == ["default-channel", "eu"]


def test_customers_and_anonymous_callers_are_refused(api, customer, staff_without_permission, catalogue):
    for user in (customer, staff_without_permission, None):
        content = api.post(SEARCH, {"search": "hosting"}, user=user, expect_errors=True)
        assert content["data"] is None
        assert "MANAGE_ORDERS" in content["errors"][0]["message"] or "signed in" in content["errors"][0]["message"]
