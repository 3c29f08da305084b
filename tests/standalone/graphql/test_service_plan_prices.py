"""Plan prices per channel and currency, set through the API and used by plan changes."""

from datetime import date
from decimal import Decimal

from saleor_services.actors import Actor
from saleor_services.automation import run_daily_automation
from saleor_services.billing.plan_changes import service_change_plan, service_change_plan_preview
from saleor_services.graphql.ids import global_id
from saleor_services.models import Renewal, ServicePlan, ServicePlanPrice

UPDATE = """mutation($id: ID!, $input: ServicePlanUpdateInput!) { servicePlanUpdate(id: $id, input: $input) {
  servicePlan { price { amount currency } prices { channelSlug price { amount currency } }
                here: channelPrice(channel: "default-channel") { amount currency }
                elsewhere: channelPrice(channel: "b2b") { amount currency } }
  errors { field code message } } }"""


def test_staff_set_a_default_price_and_channel_prices(api, staff_user, plan):
    payload = api.post(UPDATE, {"id": global_id("ServicePlan", plan.pk), "input": {
        "defaultPrice": {"amount": "12.50", "currency": "USD"},
        "prices": [{"channelSlug": "default-channel", "amount": "9.99", "currency": "USD"}],
    }}, user=staff_user)["data"]["servicePlanUpdate"]

    assert payload["errors"] == []
    assert payload["servicePlan"] == {
        "price": {"amount": 12.5, "currency": "USD"},
        "prices": [{"channelSlug": "default-channel", "price": {"amount": 9.99, "currency": "USD"}}],
        "here": {"amount": 9.99, "currency": "USD"},
        "elsewhere": {"amount": 12.5, "currency": "USD"},
    }


def test_a_price_finer_than_its_currency_is_refused_and_changes_nothing(api, staff_user, plan, unchanged):
    with unchanged():
        payload = api.post(UPDATE, {"id": global_id("ServicePlan", plan.pk), "input": {
            "prices": [{"channelSlug": "jp", "amount": "10.5", "currency": "JPY"}],
        }}, user=staff_user)["data"]["servicePlanUpdate"]
    assert payload["errors"][0]["field"] == "prices"
    assert payload["errors"][0]["code"] == "INVALID"
    assert not ServicePlanPrice.objects.exists()


def test_a_plan_change_is_quoted_at_the_target_price_in_the_service_channel(make_service, plan, customer):
    bigger = ServicePlan.objects.create(name="Bigger", variant_id=12, price_amount=Decimal("99"), currency="USD")
    ServicePlanPrice.objects.create(
        plan=bigger, channel_slug="default-channel", amount=Decimal("19.99"), currency="USD"
    )
    plan.change_targets.add(bigger)
    service = make_service(today=date(2027, 1, 10))

    quote = service_change_plan_preview(
        service_id=service.pk, target_plan_id=bigger.pk, actor=Actor.customer(customer), today=date(2027, 1, 10)
    )

    assert quote.new_amount == Decimal("19.99")


def test_a_downgrade_renews_at_the_channel_price(make_service, plan, customer):
    smaller = ServicePlan.objects.create(name="Smaller", variant_id=13)
    ServicePlanPrice.objects.create(
        plan=smaller, channel_slug="default-channel", amount=Decimal("4.99"), currency="USD"
    )
    plan.change_targets.add(smaller)
    service = make_service(today=date(2027, 1, 10))
    service_change_plan(service_id=service.pk, target_plan_id=smaller.pk, actor=Actor.customer(customer),
                        today=date(2027, 1, 12))

    run_daily_automation(date(2027, 2, 3))

    [renewal] = Renewal.objects.filter(service=service)
    assert renewal.amount == Decimal("4.99")


def test_without_a_price_of_its_own_a_plan_costs_its_variant_s_catalogue_price(api, staff_user, plan):
    from standalone.models import CatalogueVariant

    CatalogueVariant.objects.create(
        variant_id=plan.variant_id, product_id=1, product_name="Hosting",
        channel_prices={"default-channel": {"amount": "7.25", "currency": "USD"}},
    )
    query = """query($id: ID!) { servicePlan(id: $id) {
      here: channelPrice(channel: "default-channel") { amount currency }
      elsewhere: channelPrice(channel: "b2b") { amount } } }"""
    found = api.post(query, {"id": global_id("ServicePlan", plan.pk)}, user=staff_user)["data"]["servicePlan"]
    assert found == {"here": {"amount": 7.25, "currency": "USD"}, "elsewhere": None}
