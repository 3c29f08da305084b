"""A renewal order Saleor's staff cancel before it is paid voids the renewal."""

import pytest

pytest.importorskip("saleor")

from .storefront import complete, gid, issue_renewal, pay, payload  # noqa: E402

ORDER_CANCEL = """mutation($id: ID!) { orderCancel(id: $id) { errors { field code message } } }"""


@pytest.mark.django_db
def test_cancelling_the_unpaid_order_voids_the_renewal(
    bought_service, store, api_client, manage_orders_staff, django_capture_on_commit_callbacks
):
    # A channel that takes orders before payment (e.g. bank transfer on invoice).
    store.gross.allow_unpaid_orders = True
    store.gross.save(update_fields=["allow_unpaid_orders"])
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    order = complete(api_client, gid("Checkout", renewal.checkout_id))
    renewal.refresh_from_db()
    assert (renewal.status, renewal.order_id) == ("OPEN", order.pk)  # linked when created

    payload(manage_orders_staff.post_graphql(ORDER_CANCEL, {"id": gid("Order", order.pk)}), "orderCancel")

    renewal.refresh_from_db()
    assert renewal.status == "VOID"
    event = renewal.service.events.get(type="RENEWAL_VOIDED")
    assert f"#{order.number}" in event.parameters["reason"]


@pytest.mark.django_db
def test_cancelling_a_paid_order_keeps_the_payment(
    bought_service, api_client, payment_app_client, manage_orders_staff, django_capture_on_commit_callbacks
):
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    checkout_id = gid("Checkout", renewal.checkout_id)
    pay(payment_app_client, checkout_id)
    order = complete(api_client, checkout_id)

    payload(manage_orders_staff.post_graphql(ORDER_CANCEL, {"id": gid("Order", order.pk)}), "orderCancel")

    renewal.refresh_from_db()
    assert renewal.status == "PAID"  # money back is the refund hooks' business
