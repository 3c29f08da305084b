"""A renewal whose product or variant is gone fails once, with the reason, for staff: no
checkout, no e-mail, no reminders, no retry until staff reopen it."""

from datetime import timedelta

import pytest

pytest.importorskip("saleor")

from django.utils import timezone  # noqa: E402

from saleor_services.actors import Actor  # noqa: E402
from saleor_services.automation import run_step  # noqa: E402
from saleor_services.billing.renewals import renewal_reopen  # noqa: E402

from .storefront import gid, issue_renewal, payload  # noqa: E402

PRODUCT_DELETE = """mutation($id: ID!) { productDelete(id: $id) { errors { field code message } } }"""
PRODUCT_LISTING_UPDATE = """
mutation($id: ID!, $input: ProductChannelListingUpdateInput!) {
  productChannelListingUpdate(id: $id, input: $input) { errors { field code message } }
}"""
VARIANT_LISTING_UPDATE = """
mutation($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
  productVariantChannelListingUpdate(id: $id, input: $input) { errors { field code message } }
}"""


def _assert_failed_quietly(renewal, mailoutbox, capture, *, reason: str):
    from saleor.checkout.models import Checkout

    assert renewal.status == "FAILED" and renewal.checkout_id is None
    assert reason in renewal.document_error
    assert not Checkout.objects.exists()
    service = renewal.service
    assert service.events.get(type="RENEWAL_FAILED").parameters["reason"] == renewal.document_error
    # The renewal e-mail never went out (it waited for a payable checkout) ...
    assert service.events.get(type="RENEWAL_CREATED").email_status == "NOT_REQUIRED"
    assert not [m for m in mailoutbox if m.subject.startswith("Renewal invoice")]
    # ... nor do reminders, and the reconciliation does not try again.
    with capture(execute=True):
        run_step("send_reminders", renewal.due_date - timedelta(days=1))
        run_step("reconcile", timezone.localdate())
    renewal.refresh_from_db()
    assert renewal.status == "FAILED" and not Checkout.objects.exists()
    assert not [m for m in mailoutbox if "remind" in m.subject.lower()]


@pytest.mark.django_db
def test_a_deleted_product_fails_the_renewal_once(
    bought_service, store, manage_orders_staff, permission_manage_products, mailoutbox,
    django_capture_on_commit_callbacks,
):
    manage_orders_staff.user.user_permissions.add(permission_manage_products)
    payload(
        manage_orders_staff.post_graphql(PRODUCT_DELETE, {"id": gid("Product", store.variant.product_id)}),
        "productDelete",
    )

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)

    _assert_failed_quietly(
        renewal, mailoutbox, django_capture_on_commit_callbacks,
        reason=f"The product variant {store.variant.pk} this renewal sells no longer exists",
    )


@pytest.mark.django_db
def test_a_product_saleor_no_longer_sells_in_the_channel_fails_with_saleors_reason(
    bought_service, store, manage_orders_staff, permission_manage_products, mailoutbox,
    django_capture_on_commit_callbacks,
):
    staff = manage_orders_staff
    staff.user.user_permissions.add(permission_manage_products)
    product_id, channel_id = gid("Product", store.variant.product_id), gid("Channel", store.gross.pk)
    payload(
        staff.post_graphql(PRODUCT_LISTING_UPDATE, {"id": product_id, "input": {"removeChannels": [channel_id]}}),
        "productChannelListingUpdate",
    )

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)

    _assert_failed_quietly(
        renewal, mailoutbox, django_capture_on_commit_callbacks, reason="Saleor refused to open a checkout"
    )

    # Staff list the product again and reopen: the checkout opens, the e-mail goes out.
    listing = {"channelId": channel_id, "isPublished": True, "isAvailableForPurchase": True}
    payload(
        staff.post_graphql(PRODUCT_LISTING_UPDATE, {"id": product_id, "input": {"updateChannels": [listing]}}),
        "productChannelListingUpdate",
    )
    payload(
        staff.post_graphql(
            VARIANT_LISTING_UPDATE,
            {"id": gid("ProductVariant", store.variant.pk), "input": [{"channelId": channel_id, "price": "10.00"}]},
        ),
        "productVariantChannelListingUpdate",
    )
    with django_capture_on_commit_callbacks(execute=True):
        renewal_reopen(renewal_id=renewal.pk, actor=Actor.system())
    renewal.refresh_from_db()
    assert renewal.status == "OPEN" and renewal.checkout_id is not None
    assert [m for m in mailoutbox if m.subject.startswith("Renewal invoice")]
