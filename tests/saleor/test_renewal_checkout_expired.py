"""A renewal whose checkout Saleor's cleanup deleted (or whose unpaid order expired) gets
a new checkout from the reconciliation step, with a new payment URL."""

from datetime import timedelta

import pytest

pytest.importorskip("saleor")

from django.test import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from saleor_services.automation import run_step  # noqa: E402
from saleor_services.conf import get_settings  # noqa: E402
from saleor_services.models import Renewal, ServiceEvent  # noqa: E402

from .storefront import complete, gid, issue_renewal, pay  # noqa: E402

TEMPLATES = {"*": "https://shop.example/checkout?checkout={checkout_id}"}


@pytest.fixture
def absolute_template():
    with override_settings(SALEOR_SERVICES={"PAYMENT_URL_TEMPLATES": TEMPLATES}):
        get_settings.cache_clear()
        yield
    get_settings.cache_clear()


def _an_hour_later(renewal):
    # The step leaves alone what changed within the hour (a checkout may be opening).
    Renewal.objects.filter(pk=renewal.pk).update(updated_at=timezone.now() - timedelta(hours=2))


@pytest.mark.django_db
def test_a_checkout_saleor_expired_is_opened_again(
    bought_service, absolute_template, api_client, payment_app_client, django_capture_on_commit_callbacks
):
    from saleor.checkout.models import Checkout
    from saleor.checkout.tasks import delete_expired_checkouts

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    old_token, old_url = renewal.checkout_id, renewal.payment_url
    assert old_url == f"https://shop.example/checkout?checkout={gid('Checkout', old_token)}"
    # Untouched for longer than Saleor keeps a customer's checkout; its cleanup runs.
    Checkout.objects.filter(token=old_token).update(last_change=timezone.now() - timedelta(days=91))
    delete_expired_checkouts()
    assert not Checkout.objects.filter(token=old_token).exists()
    _an_hour_later(renewal)

    with django_capture_on_commit_callbacks(execute=True):
        assert run_step("reconcile", timezone.localdate()) == 1

    renewal.refresh_from_db()
    assert renewal.status == "OPEN" and renewal.checkout_id not in (None, old_token)
    assert renewal.payment_url == f"https://shop.example/checkout?checkout={gid('Checkout', renewal.checkout_id)}"
    [line] = Checkout.objects.get(token=renewal.checkout_id).lines.all()
    assert (line.quantity, line.price_override) == (1, renewal.amount)
    # The link the customer was sent is dead: the log says so and a new one is e-mailed.
    [replaced] = ServiceEvent.objects.filter(service=bought_service, type="RENEWAL_LINK_REPLACED")
    assert replaced.parameters == {"renewal_id": renewal.pk, "payment_url": renewal.payment_url}
    assert replaced.email_status in ("PENDING", "SENT")
    # Nothing more to repair, and the new checkout is paid as the first would have been.
    with django_capture_on_commit_callbacks(execute=True):
        assert run_step("reconcile", timezone.localdate()) == 0
    checkout_id = gid("Checkout", renewal.checkout_id)
    pay(payment_app_client, checkout_id)
    complete(api_client, checkout_id)
    renewal.refresh_from_db()
    assert renewal.status == "PAID"


@pytest.mark.django_db
def test_an_unpaid_order_that_expired_is_replaced_by_a_checkout(
    bought_service, store, absolute_template, api_client, django_capture_on_commit_callbacks
):
    from saleor.order import OrderStatus
    from saleor.order.models import Order
    from saleor.order.tasks import expire_orders_task

    channel = store.gross
    channel.allow_unpaid_orders = True
    channel.automatically_confirm_all_new_orders = False
    channel.expire_orders_after = 60
    channel.save()
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    order = complete(api_client, gid("Checkout", renewal.checkout_id))
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        expire_orders_task()
    order.refresh_from_db()
    assert order.status == OrderStatus.EXPIRED
    renewal.refresh_from_db()
    assert renewal.status == "OPEN" and renewal.order_id == order.pk
    _an_hour_later(renewal)

    with django_capture_on_commit_callbacks(execute=True):
        assert run_step("reconcile", timezone.localdate()) == 1

    renewal.refresh_from_db()
    assert renewal.order_id is None and renewal.checkout_id is not None
    assert str(renewal.checkout_id) != order.checkout_token


@pytest.mark.django_db
def test_a_checkout_that_became_a_live_order_is_not_replaced(
    bought_service, store, api_client, django_capture_on_commit_callbacks
):
    store.gross.allow_unpaid_orders = True
    store.gross.save(update_fields=["allow_unpaid_orders"])
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    complete(api_client, gid("Checkout", renewal.checkout_id))
    _an_hour_later(renewal)

    with django_capture_on_commit_callbacks(execute=True):
        assert run_step("reconcile", timezone.localdate()) == 0
