"""Saleor tier: runs under `--ds=saleor.tests.settings` with Saleor's fixtures (see the
root conftest). Saleor's test settings set PLUGINS = [], so the plugin is put back."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

PLUGIN_PATH = "saleor_services.saleor.plugin.ServicesPlugin"


@pytest.fixture(autouse=True)
def services_plugin(settings):
    settings.PLUGINS = [PLUGIN_PATH]
    return PLUGIN_PATH


@pytest.fixture
def manage_orders_staff(staff_api_client, permission_group_manage_orders):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    return staff_api_client


@dataclass
class Store:
    gross: object  # channel entering prices with tax
    net: object  # channel entering prices without tax
    variant: object  # the service product's variant (Hosting), 10.00 in both channels
    other_variant: object  # another service product's variant (Backup), 4.00
    plan: object
    other_plan: object

    def channel(self, name: str):
        return getattr(self, name)


def _channel(slug: str, *, prices_entered_with_tax: bool, warehouse):
    from saleor.channel.models import Channel
    from saleor.tax import TaxCalculationStrategy
    from saleor.tax.models import TaxConfiguration

    channel = Channel.objects.create(
        name=slug, slug=slug, currency_code="USD", default_country="PL", is_active=True
    )
    TaxConfiguration.objects.create(
        channel=channel,
        charge_taxes=True,
        tax_calculation_strategy=TaxCalculationStrategy.FLAT_RATES,
        prices_entered_with_tax=prices_entered_with_tax,
        display_gross_prices=True,
    )
    warehouse.channels.add(channel)
    return channel


def _service_product(name: str, price: Decimal, channels, category, warehouse):
    import datetime

    from saleor.product import ProductTypeKind
    from saleor.product.models import (
        Product,
        ProductChannelListing,
        ProductType,
        ProductVariant,
        ProductVariantChannelListing,
    )
    from saleor.warehouse.models import Stock

    product_type, _ = ProductType.objects.get_or_create(
        slug="service",
        defaults={"name": "Service", "kind": ProductTypeKind.NORMAL, "is_shipping_required": False},
    )
    product = Product.objects.create(
        name=name, slug=name.lower(), product_type=product_type, category=category
    )
    variant = ProductVariant.objects.create(product=product, sku=name.upper(), track_inventory=False)
    for channel in channels:
        ProductChannelListing.objects.create(
            product=product,
            channel=channel,
            is_published=True,
            visible_in_listings=True,
            available_for_purchase_at=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC),
        )
        ProductVariantChannelListing.objects.create(
            variant=variant, channel=channel, price_amount=price, currency=channel.currency_code
        )
    Stock.objects.create(warehouse=warehouse, product_variant=variant, quantity=1000)
    return variant


@pytest.fixture
def store(db, category, warehouse, site_settings):
    """Two channels with Saleor's flat-rate taxes at 23 % for Poland: one enters prices
    gross, one net. Service products (not shipped) sold in both, each under a plan."""
    from saleor.tax.models import TaxClassCountryRate

    from saleor_services.models import ServicePlan

    TaxClassCountryRate.objects.update_or_create(
        country="PL", tax_class=None, defaults={"rate": Decimal(23)}
    )
    gross = _channel("svc-gross", prices_entered_with_tax=True, warehouse=warehouse)
    net = _channel("svc-net", prices_entered_with_tax=False, warehouse=warehouse)
    variant = _service_product("Hosting", Decimal("10.00"), (gross, net), category, warehouse)
    other = _service_product("Backup", Decimal("4.00"), (gross, net), category, warehouse)
    plan = ServicePlan.objects.create(name="Hosting monthly", variant_id=variant.pk)
    other_plan = ServicePlan.objects.create(name="Backup monthly", variant_id=other.pk)
    return Store(gross=gross, net=net, variant=variant, other_variant=other, plan=plan, other_plan=other_plan)


@pytest.fixture
def payment_app_client(db):
    """A payment app: it reports charges and refunds (HANDLE_PAYMENTS)."""
    from saleor.app.models import App
    from saleor.graphql.tests.fixtures import ApiClient
    from saleor.permission.models import Permission

    app = App.objects.create(name="Test payments", identifier="test.payments", is_active=True)
    app.permissions.add(Permission.objects.get(codename="handle_payments"))
    return ApiClient(app=app)


@pytest.fixture
def customer(customer_user):
    return customer_user


@pytest.fixture
def bought_service(store, user_api_client, payment_app_client, customer, request):
    """A service the customer bought on the storefront, in the channel `channel_name`
    (parametrize it indirectly; "gross" by default)."""
    from saleor_services.models import Service

    from .storefront import buy

    name = getattr(request, "param", "gross")
    order = buy(
        user_api_client, payment_app_client,
        channel=store.channel(name).slug, lines=[(store.variant, 1)], customer=customer,
    )
    return Service.objects.get(order_id=order.pk)
