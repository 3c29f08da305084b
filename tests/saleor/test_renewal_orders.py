"""Renewals as real Saleor orders: created, paid through Saleor, reconciled."""

from datetime import timedelta
from decimal import Decimal

import graphene
import pytest

pytest.importorskip("saleor")

from django.utils import timezone  # noqa: E402
from saleor.graphql.tests.utils import get_graphql_content  # noqa: E402
from saleor.order import OrderStatus  # noqa: E402
from saleor.order.models import Order  # noqa: E402

from saleor_services.actors import Actor  # noqa: E402
from saleor_services.automation import run_step  # noqa: E402
from saleor_services.enums import SuspensionCause  # noqa: E402
from saleor_services.lifecycle import service_suspend  # noqa: E402
from saleor_services.models import Renewal, Service, ServicePlan  # noqa: E402
from saleor_services.saleor.orders import RENEWAL_METADATA_KEY  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

MARK_AS_PAID = """mutation($id: ID!) { orderMarkAsPaid(id: $id) { errors { field code message } } }"""


@pytest.fixture
def service(order_with_lines):
    line = order_with_lines.lines.order_by("product_sku").first()
    line.quantity = 1
    line.save(update_fields=["quantity"])
    # A service is not shipped.
    product_type = line.variant.product.product_type
    product_type.is_shipping_required = False
    product_type.save(update_fields=["is_shipping_required"])
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    ServicesPlugin(configuration=[], active=True).order_fully_paid(order_with_lines, previous_value=None)
    return Service.objects.get(order_id=order_with_lines.pk)


def _renewal_with_order(service, capture):
    day = service.next_due_date - timedelta(days=7)
    with capture(execute=True):
        assert run_step("generate_renewals", day) == 1
    renewal = Renewal.objects.get(service=service)
    assert renewal.order_id is not None
    return renewal


@pytest.mark.django_db
def test_renewal_opens_a_saleor_order_for_the_customer(
    service, order_with_lines, django_capture_on_commit_callbacks, mailoutbox
):
    renewal = _renewal_with_order(service, django_capture_on_commit_callbacks)

    order = Order.objects.get(pk=renewal.order_id)
    assert order.status in (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED)
    assert order.user_id == service.user_id and order.user_email == service.user_email
    assert order.channel.slug == service.channel_slug
    assert order.private_metadata[RENEWAL_METADATA_KEY] == str(renewal.pk)
    [line] = order.lines.all()
    assert line.variant_id == service.variant_id and line.quantity == 1
    assert line.base_unit_price_amount == renewal.amount == service.recurring_amount
    # The renewal e-mail went out once the order existed, to the service's owner.
    assert service.events.get(type="RENEWAL_CREATED").email_status == "SENT"
    [renewal_mail] = [m for m in mailoutbox if m.subject == f"Renewal invoice for {service.product_name}"]
    assert renewal_mail.to == [service.user_email]


@pytest.mark.django_db
def test_paying_the_renewal_order_advances_and_lifts_the_suspension(
    service, staff_api_client, permission_group_manage_orders, django_capture_on_commit_callbacks, settings
):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    renewal = _renewal_with_order(service, django_capture_on_commit_callbacks)
    service_suspend(service_id=service.pk, actor=Actor.system(), cause=SuspensionCause.NON_PAYMENT)
    old_due = service.next_due_date
    order_id = graphene.Node.to_global_id("Order", renewal.order_id)

    content = get_graphql_content(staff_api_client.post_graphql(MARK_AS_PAID, {"id": order_id}))
    assert content["data"]["orderMarkAsPaid"]["errors"] == []

    service.refresh_from_db()
    renewal.refresh_from_db()
    assert renewal.status == "PAID"
    assert service.status == "ACTIVE"
    assert service.next_due_date == renewal.period_end and service.next_due_date > old_due
    assert not Service.objects.filter(order_id=renewal.order_id).exists()  # no new services from it

    # Paying again (the hook runs twice) changes nothing.
    from saleor.plugins.manager import get_plugins_manager

    with django_capture_on_commit_callbacks(execute=True):
        get_plugins_manager(allow_replica=False).order_fully_paid(Order.objects.get(pk=renewal.order_id))
    service.refresh_from_db()
    assert service.next_due_date == renewal.period_end
    assert service.events.filter(type="RENEWAL_PAID").count() == 1


@pytest.mark.django_db
def test_reconciliation_repairs_missed_hooks(order_with_lines, settings, django_capture_on_commit_callbacks):
    from saleor.order import OrderChargeStatus

    settings.PLUGINS = []  # the hook is missed entirely
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    order_with_lines.charge_status = OrderChargeStatus.FULL
    order_with_lines.save(update_fields=["charge_status"])
    assert not Service.objects.exists()

    assert run_step("reconcile", timezone.localdate()) == line.quantity
    assert Service.objects.filter(order_id=order_with_lines.pk).count() == line.quantity
    assert run_step("reconcile", timezone.localdate()) == 0

    # A renewal order paid while the hook was off is recorded too.
    service = Service.objects.filter(order_id=order_with_lines.pk).first()
    renewal = Renewal.objects.create(
        service=service, period_start=service.next_due_date, period_end=service.next_due_date + timedelta(days=30),
        amount=Decimal("5"), currency=service.currency, due_date=service.next_due_date, order_id=order_with_lines.pk,
    )
    run_step("reconcile", timezone.localdate())
    renewal.refresh_from_db()
    assert renewal.status == "PAID"
