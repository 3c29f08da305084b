"""Orders made fully paid through Saleor's own code paths create the services."""

import logging
import uuid

import graphene
import pytest

pytest.importorskip("saleor")

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from saleor.graphql.tests.utils import get_graphql_content  # noqa: E402
from saleor.order.actions import mark_order_as_paid_with_transaction  # noqa: E402
from saleor.plugins.manager import get_plugins_manager  # noqa: E402

from saleor_services.enums import ServiceStatus  # noqa: E402
from saleor_services.models import Service, ServiceEvent, ServicePlan  # noqa: E402
from saleor_services.saleor.orders import RENEWAL_METADATA_KEY  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

MARK_AS_PAID = """
mutation markPaid($id: ID!) {
  orderMarkAsPaid(id: $id) { errors { field code message } order { isPaid } }
}
"""


def _service_line(order, quantity=2):
    line = order.lines.order_by("product_sku").first()
    line.quantity = quantity
    line.save(update_fields=["quantity"])
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    return line


def _mark_paid(api_client, order):
    response = api_client.post_graphql(
        MARK_AS_PAID, {"id": graphene.Node.to_global_id("Order", order.pk)}
    )
    data = get_graphql_content(response)["data"]["orderMarkAsPaid"]
    assert data["errors"] == []
    assert data["order"]["isPaid"] is True


@pytest.mark.django_db
def test_mark_as_paid_creates_one_service_per_unit(manage_orders_staff, order_with_lines):
    order = order_with_lines
    line = _service_line(order, quantity=2)

    _mark_paid(manage_orders_staff, order)

    services = list(Service.objects.filter(order_id=order.pk).order_by("unit_index"))
    assert [(s.order_line_id, s.unit_index) for s in services] == [(line.pk, 0), (line.pk, 1)]
    for service in services:
        assert service.status == ServiceStatus.ACTIVE
        assert service.user_id == order.user_id
        assert service.user_email == order.user_email
        assert service.channel_slug == order.channel.slug
        assert service.currency == order.currency
        # The price as entered in the channel (here net: the line is taxed on top).
        assert service.recurring_amount == line.undiscounted_base_unit_price_amount
        assert service.recurring_amount != line.unit_price_gross_amount
        assert service.product_name == line.product_name
        assert service.variant_id == line.variant_id
        assert ServiceEvent.objects.filter(service=service, type="CREATED").count() == 1
    # The order's other line is not a service line.
    assert Service.objects.count() == 2


@pytest.mark.django_db
def test_paying_again_creates_nothing(
    manage_orders_staff, order_with_lines, staff_user, django_capture_on_commit_callbacks
):
    order = order_with_lines
    _service_line(order)
    _mark_paid(manage_orders_staff, order)

    manager = get_plugins_manager(allow_replica=False)
    with django_capture_on_commit_callbacks(execute=True):
        mark_order_as_paid_with_transaction(order, staff_user, None, manager)
    manager.order_fully_paid(order)

    assert Service.objects.filter(order_id=order.pk).count() == 2
    assert ServiceEvent.objects.filter(type="CREATED").count() == 2


@pytest.mark.django_db
def test_product_plan_covers_its_variants(manage_orders_staff, order_with_lines):
    order = order_with_lines
    line = order.lines.order_by("product_sku").last()
    ServicePlan.objects.create(name="Any", product_id=line.variant.product_id)

    _mark_paid(manage_orders_staff, order)

    assert Service.objects.filter(order_line_id=line.pk).count() == line.quantity


@pytest.mark.django_db
def test_order_without_service_lines_creates_nothing(manage_orders_staff, order_with_lines):
    _mark_paid(manage_orders_staff, order_with_lines)
    assert not Service.objects.exists()


@pytest.mark.django_db
def test_deleted_variant_does_not_break_payment(manage_orders_staff, order_with_lines, caplog):
    order = order_with_lines
    broken, healthy = order.lines.order_by("product_sku")
    ServicePlan.objects.create(name="Gone", variant_id=broken.variant_id)
    ServicePlan.objects.create(name="Kept", variant_id=healthy.variant_id)
    broken.variant.delete()

    _mark_paid(manage_orders_staff, order)

    assert set(Service.objects.values_list("order_line_id", flat=True)) == {healthy.pk}


@pytest.mark.django_db
def test_hook_never_raises(order_with_lines, caplog):
    order = order_with_lines
    line = _service_line(order, quantity=40_000)  # more units than a unit index can hold
    plugin = ServicesPlugin(configuration=[], active=True)

    with caplog.at_level(logging.ERROR):
        assert plugin.order_fully_paid(order, previous_value="kept") == "kept"

    assert not Service.objects.filter(order_line_id=line.pk).exists()
    assert "reconciliation" in caplog.text


@pytest.mark.django_db
def test_a_renewal_orders_renewal_line_is_never_a_service(order_with_lines):
    """The line the services App priced settles the renewal; the rest is a purchase."""
    order = order_with_lines
    renewal_line, other = order.lines.order_by("product_sku")
    for line in (renewal_line, other):
        ServicePlan.objects.create(name=f"Plan {line.product_sku}", variant_id=line.variant_id)
    renewal_line.is_price_overridden = True
    renewal_line.quantity = 3
    renewal_line.save(update_fields=["is_price_overridden", "quantity"])
    order.store_value_in_private_metadata({RENEWAL_METADATA_KEY: "17"})  # no such renewal
    order.save(update_fields=["private_metadata"])

    get_plugins_manager(allow_replica=False).order_fully_paid(order)

    assert set(Service.objects.values_list("order_line_id", flat=True)) == {other.pk}
    assert Service.objects.count() == other.quantity


@pytest.mark.django_db
def test_hook_queries_do_not_grow_with_service_lines(order_with_lines):
    from saleor.order.models import Order

    template = _service_line(order_with_lines, quantity=1)

    def hook_queries(expected_services):
        Service.objects.all().delete()
        order = Order.objects.get(pk=order_with_lines.pk)
        plugin = ServicesPlugin(configuration=[], active=True)
        with CaptureQueriesContext(connection) as queries:
            plugin.order_fully_paid(order, previous_value=None)
        assert Service.objects.filter(order_id=order.pk).count() == expected_services
        return len(queries)

    one_line = hook_queries(1)
    for _ in range(9):
        template.pk = uuid.uuid4()
        template.save(force_insert=True)
    ten_lines = hook_queries(10)

    assert one_line == ten_lines <= 10
