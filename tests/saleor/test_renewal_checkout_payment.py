"""Paying a renewal's checkout through the storefront: a payment app's transaction, then
`checkoutComplete`; Saleor makes the order and the plugin records the payment."""

from decimal import Decimal

import pytest

pytest.importorskip("saleor")

from saleor_services.actors import Actor  # noqa: E402
from saleor_services.enums import SuspensionCause  # noqa: E402
from saleor_services.lifecycle import service_suspend  # noqa: E402
from saleor_services.models import Renewal, Service, ServicePlan  # noqa: E402
from saleor_services.saleor.orders import RENEWAL_METADATA_KEY  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

from .conftest import _service_product  # noqa: E402
from .storefront import complete, gid, issue_renewal, pay, payload  # noqa: E402

CUSTOMER_ATTACH = """mutation($id: ID!) { checkoutCustomerAttach(id: $id) { errors { field code message } } }"""


@pytest.fixture
def fully_paid_calls(monkeypatch):
    calls = []
    hook = ServicesPlugin.order_fully_paid

    def counting(self, order, previous_value, webhooks=None):
        calls.append(order.pk)
        return hook(self, order, previous_value, webhooks=webhooks)

    monkeypatch.setattr(ServicesPlugin, "order_fully_paid", counting)
    return calls


@pytest.mark.django_db
def test_paying_the_checkout_renews_the_service_and_lifts_the_suspension(
    bought_service, customer, api_client, user_api_client, payment_app_client, fully_paid_calls,
    django_capture_on_commit_callbacks,
):
    service = bought_service
    renewal = issue_renewal(service, django_capture_on_commit_callbacks)
    service_suspend(service_id=service.pk, actor=Actor.system(), cause=SuspensionCause.NON_PAYMENT)
    old_due = service.next_due_date
    checkout_id = gid("Checkout", renewal.checkout_id)
    fully_paid_calls.clear()

    # The customer follows the link as a guest: the payment app charges the total, the
    # storefront completes the checkout.
    assert pay(payment_app_client, checkout_id) == Decimal("10.00")
    order = complete(api_client, checkout_id)

    assert fully_paid_calls == [order.pk]  # Saleor reported the payment once
    assert order.private_metadata[RENEWAL_METADATA_KEY] == str(renewal.pk)
    assert order.user_id == customer.pk  # the order is the customer's
    assert order.user_email == customer.email
    [line] = order.lines.all()
    assert (line.variant_id, line.quantity, line.is_price_overridden) == (service.variant_id, 1, True)
    renewal.refresh_from_db()
    service.refresh_from_db()
    assert renewal.status == "PAID" and renewal.order_id == order.pk
    assert service.status == "ACTIVE" and service.suspension_cause == ""
    assert service.next_due_date == renewal.period_end > old_due
    assert service.events.filter(type="RENEWAL_PAID").count() == 1
    assert not Service.objects.filter(order_id=order.pk).exists()  # no new service from it
    # No double e-mail: Saleor's order confirmation is the receipt; the payment owes
    # none of ours (ours announced the invoice before it was paid).
    assert service.events.get(type="RENEWAL_PAID").email_status == "NOT_REQUIRED"
    # The owner sees the order the renewal's checkout became; the checkout is gone.
    from saleor.graphql.tests.utils import get_graphql_content

    query = """query($id: ID!) { service(id: $id) { renewals { checkout { id } order { id number } } } }"""
    seen = get_graphql_content(user_api_client.post_graphql(query, {"id": gid("Service", service.pk)}))
    [node] = seen["data"]["service"]["renewals"]
    assert node == {"checkout": None, "order": {"id": gid("Order", order.pk), "number": str(order.number)}}

    # Saleor reporting the payment again changes nothing.
    from saleor.plugins.manager import get_plugins_manager

    get_plugins_manager(allow_replica=False).order_fully_paid(order)
    service.refresh_from_db()
    assert service.next_due_date == renewal.period_end
    assert service.events.filter(type="RENEWAL_PAID").count() == 1


@pytest.mark.django_db
def test_a_signed_in_customer_pays_it_too(
    bought_service, customer, user_api_client, payment_app_client, django_capture_on_commit_callbacks
):
    """A storefront attaches the signed-in customer to the checkout they open
    (`checkoutCustomerAttach` for oneself needs no permission); the order is theirs."""
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    checkout_id = gid("Checkout", renewal.checkout_id)

    payload(user_api_client.post_graphql(CUSTOMER_ATTACH, {"id": checkout_id}), "checkoutCustomerAttach")
    pay(payment_app_client, checkout_id)
    order = complete(user_api_client, checkout_id)

    assert order.user_id == customer.pk
    renewal.refresh_from_db()
    assert renewal.status == "PAID"


@pytest.mark.django_db
def test_an_upgrade_charge_is_a_checkout_of_the_target_plan(
    bought_service, store, category, warehouse, api_client, payment_app_client,
    django_capture_on_commit_callbacks,
):
    from saleor.checkout.models import Checkout

    from saleor_services.billing.plan_changes import service_change_plan

    service = bought_service
    pro_variant = _service_product("HostingPro", Decimal("30.00"), (store.gross, store.net), category, warehouse)
    pro = ServicePlan.objects.create(
        name="Hosting pro", variant_id=pro_variant.pk, price_amount=Decimal("30.00"), currency="USD"
    )
    store.plan.change_targets.add(pro)

    with django_capture_on_commit_callbacks(execute=True):
        _, quote, charge = service_change_plan(service_id=service.pk, target_plan_id=pro.pk, actor=Actor.system())

    charge = Renewal.objects.get(pk=charge.pk)
    assert charge.kind == "UPGRADE" and charge.amount == quote.prorated_amount > 0
    [line] = Checkout.objects.get(token=charge.checkout_id).lines.all()
    assert (line.variant_id, line.price_override) == (pro_variant.pk, charge.amount)

    checkout_id = gid("Checkout", charge.checkout_id)
    pay(payment_app_client, checkout_id)
    complete(api_client, checkout_id)

    service.refresh_from_db()
    charge.refresh_from_db()
    assert charge.status == "PAID"
    assert service.plan_id == pro.pk and service.recurring_amount == Decimal("30.00")
