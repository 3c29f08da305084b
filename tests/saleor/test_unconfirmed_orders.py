"""Services come for orders that are paid and confirmed: an unconfirmed order (a channel
that lets staff screen new orders) waits for `orderConfirm`; a cancelled one gets none."""

from datetime import date

import graphene
import pytest

pytest.importorskip("saleor")

from saleor.graphql.tests.utils import get_graphql_content  # noqa: E402
from saleor.order import OrderChargeStatus, OrderStatus  # noqa: E402

from saleor_services.models import Service, ServicePlan  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402
from saleor_services.saleor.reconcile import reconcile  # noqa: E402

CONFIRM = """mutation($id: ID!) { orderConfirm(id: $id) { errors { field code message } } }"""


@pytest.fixture
def unconfirmed_paid_order(order_with_lines):
    order_with_lines.channel.automatically_confirm_all_new_orders = False
    order_with_lines.channel.save(update_fields=["automatically_confirm_all_new_orders"])
    order_with_lines.status = OrderStatus.UNCONFIRMED
    order_with_lines.charge_status = OrderChargeStatus.FULL
    order_with_lines.save(update_fields=["status", "charge_status"])
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    ServicesPlugin(configuration=[], active=True).order_fully_paid(order_with_lines, previous_value=None)
    return order_with_lines


def test_a_paid_unconfirmed_order_gets_its_services_when_staff_confirm_it(
    unconfirmed_paid_order, staff_api_client, permission_group_manage_orders
):
    assert not Service.objects.filter(order_id=unconfirmed_paid_order.pk).exists()
    reconcile(date.today())
    assert not Service.objects.filter(order_id=unconfirmed_paid_order.pk).exists()

    permission_group_manage_orders.user_set.add(staff_api_client.user)
    response = staff_api_client.post_graphql(
        CONFIRM, {"id": graphene.Node.to_global_id("Order", unconfirmed_paid_order.pk)}
    )

    assert get_graphql_content(response)["data"]["orderConfirm"]["errors"] == []
    assert Service.objects.filter(order_id=unconfirmed_paid_order.pk).exists()


def test_an_order_cancelled_before_confirmation_gets_none(unconfirmed_paid_order):
    unconfirmed_paid_order.status = OrderStatus.CANCELED
    unconfirmed_paid_order.save(update_fields=["status"])

    reconcile(date.today())

    assert not Service.objects.filter(order_id=unconfirmed_paid_order.pk).exists()
