"""The reconciliation step repairs what missed or failed hooks and tasks left undone."""

from datetime import timedelta

import pytest

pytest.importorskip("saleor")

from django.utils import timezone  # noqa: E402

from saleor_services.actors import Actor  # noqa: E402
from saleor_services.automation import run_step  # noqa: E402
from saleor_services.billing.renewals import renewal_mark_paid  # noqa: E402
from saleor_services.models import Renewal, Service, ServicePlan  # noqa: E402

from .storefront import complete, gid, issue_renewal, pay  # noqa: E402


def _reconcile(capture) -> int:
    with capture(execute=True):
        return run_step("reconcile", timezone.localdate())


@pytest.mark.django_db
def test_paid_orders_get_their_missing_services(order_with_lines, settings, django_capture_on_commit_callbacks):
    from saleor.order import OrderChargeStatus

    settings.PLUGINS = []  # the hook is missed entirely
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    order_with_lines.charge_status = OrderChargeStatus.FULL
    order_with_lines.save(update_fields=["charge_status"])
    assert not Service.objects.exists()

    assert _reconcile(django_capture_on_commit_callbacks) == line.quantity
    assert Service.objects.filter(order_id=order_with_lines.pk).count() == line.quantity
    assert _reconcile(django_capture_on_commit_callbacks) == 0


@pytest.mark.django_db
def test_a_renewal_paid_while_the_plugin_was_off_is_recorded(
    bought_service, api_client, payment_app_client, settings, django_capture_on_commit_callbacks
):
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    checkout_id = gid("Checkout", renewal.checkout_id)
    settings.PLUGINS = []
    pay(payment_app_client, checkout_id)
    order = complete(api_client, checkout_id)
    settings.PLUGINS = ["saleor_services.saleor.plugin.ServicesPlugin"]
    renewal.refresh_from_db()
    assert renewal.status == "OPEN"

    assert _reconcile(django_capture_on_commit_callbacks) == 1

    renewal.refresh_from_db()
    bought_service.refresh_from_db()
    assert (renewal.status, renewal.order_id) == ("PAID", order.pk)
    assert bought_service.next_due_date == renewal.period_end
    assert _reconcile(django_capture_on_commit_callbacks) == 0


@pytest.mark.django_db
def test_a_checkout_that_could_not_be_opened_is_opened_later(
    bought_service, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    from saleor_services.saleor import renewal_checkouts

    def saleor_down(renewal):
        raise RuntimeError("database went away")

    with monkeypatch.context() as patch:
        patch.setattr(renewal_checkouts, "_create_checkout", saleor_down)
        renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    assert renewal.status == "OPEN" and renewal.checkout_id is None  # not failed: retried
    assert not [m for m in mailoutbox if m.subject.startswith("Renewal invoice")]
    Renewal.objects.filter(pk=renewal.pk).update(created_at=timezone.now() - timedelta(hours=2))

    assert _reconcile(django_capture_on_commit_callbacks) == 1

    renewal.refresh_from_db()
    assert renewal.checkout_id is not None
    assert [m for m in mailoutbox if m.subject.startswith("Renewal invoice")]


@pytest.mark.django_db
def test_a_renewal_staff_marked_paid_loses_its_checkout(bought_service, django_capture_on_commit_callbacks):
    from saleor.checkout.models import Checkout

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    renewal_mark_paid(renewal_id=renewal.pk, actor=Actor.system())  # paid by bank transfer
    assert Checkout.objects.filter(token=renewal.checkout_id).exists()

    assert _reconcile(django_capture_on_commit_callbacks) == 1

    assert not Checkout.objects.filter(token=renewal.checkout_id).exists()
    assert _reconcile(django_capture_on_commit_callbacks) == 0


@pytest.mark.django_db
def test_a_refund_missed_by_the_plugin_is_recorded(
    bought_service, api_client, payment_app_client, settings, django_capture_on_commit_callbacks
):
    from decimal import Decimal

    from .storefront import report_refund

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    checkout_id = gid("Checkout", renewal.checkout_id)
    pay(payment_app_client, checkout_id)
    order = complete(api_client, checkout_id)
    settings.PLUGINS = []
    report_refund(payment_app_client, order, Decimal("2.50"))
    settings.PLUGINS = ["saleor_services.saleor.plugin.ServicesPlugin"]

    assert _reconcile(django_capture_on_commit_callbacks) == 1

    renewal.refresh_from_db()
    assert (renewal.status, renewal.refunded_amount) == ("PARTIALLY_REFUNDED", Decimal("2.50"))
    assert _reconcile(django_capture_on_commit_callbacks) == 0


@pytest.mark.django_db
def test_a_refund_through_the_older_payment_api_is_recorded(
    bought_service, api_client, payment_app_client, django_capture_on_commit_callbacks
):
    """A payment app on Saleor's Payment API (a `Payment` with its REFUND transactions)
    calls no transaction hook; the reconciliation step finds its refund."""
    from saleor.payment import ChargeStatus, TransactionKind
    from saleor.payment.models import Payment

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    checkout_id = gid("Checkout", renewal.checkout_id)
    pay(payment_app_client, checkout_id)
    order = complete(api_client, checkout_id)
    payment = Payment.objects.create(
        order=order, gateway="mirumee.payments.dummy", is_active=True, total=order.total_gross_amount,
        captured_amount=0, currency=order.currency, charge_status=ChargeStatus.FULLY_REFUNDED,
    )
    payment.transactions.create(
        kind=TransactionKind.REFUND, is_success=True, amount=order.total_gross_amount,
        currency=order.currency, gateway_response={},
    )

    assert _reconcile(django_capture_on_commit_callbacks) == 1

    renewal.refresh_from_db()
    assert (renewal.status, renewal.refunded_amount) == ("REFUNDED", renewal.amount)
    assert _reconcile(django_capture_on_commit_callbacks) == 0


@pytest.mark.django_db
def test_a_cancellation_missed_by_the_plugin_voids_the_renewal(
    bought_service, store, api_client, manage_orders_staff, settings, django_capture_on_commit_callbacks
):
    from .storefront import payload

    store.gross.allow_unpaid_orders = True
    store.gross.save(update_fields=["allow_unpaid_orders"])
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    order = complete(api_client, gid("Checkout", renewal.checkout_id))
    settings.PLUGINS = []
    cancel = """mutation($id: ID!) { orderCancel(id: $id) { errors { field code message } } }"""
    payload(manage_orders_staff.post_graphql(cancel, {"id": gid("Order", order.pk)}), "orderCancel")
    settings.PLUGINS = ["saleor_services.saleor.plugin.ServicesPlugin"]

    assert _reconcile(django_capture_on_commit_callbacks) == 1

    renewal.refresh_from_db()
    assert renewal.status == "VOID"
