"""A renewal opens a Saleor checkout the customer pays on the storefront."""

from decimal import Decimal

import pytest

pytest.importorskip("saleor")

from django.test import override_settings  # noqa: E402

from saleor_services.conf import get_settings  # noqa: E402
from saleor_services.saleor.orders import RENEWAL_METADATA_KEY  # noqa: E402

from .storefront import checkout_of, gid, issue_renewal  # noqa: E402


@pytest.mark.django_db
def test_a_renewal_opens_a_checkout_as_the_services_app(
    bought_service, store, customer, api_client, django_capture_on_commit_callbacks, mailoutbox
):
    from saleor.checkout.models import Checkout

    service = bought_service
    assert service.recurring_amount == Decimal("10.00")

    renewal = issue_renewal(service, django_capture_on_commit_callbacks)

    assert renewal.status == "OPEN" and renewal.checkout_id is not None and renewal.order_id is None
    checkout = Checkout.objects.get(token=renewal.checkout_id)
    assert checkout.channel.slug == service.channel_slug
    assert checkout.email == customer.email
    assert checkout.user_id is None  # Saleor gives the order to the account with that e-mail
    assert checkout.billing_address.country.code == "PL"
    metadata = checkout.metadata_storage
    assert metadata.private_metadata[RENEWAL_METADATA_KEY] == str(renewal.pk)
    assert metadata.metadata[RENEWAL_METADATA_KEY] == str(renewal.pk)
    [line] = checkout.lines.all()
    assert (line.variant_id, line.quantity, line.price_override) == (store.variant.pk, 1, renewal.amount)
    assert line.metadata[RENEWAL_METADATA_KEY] == str(renewal.pk)

    # A guest on the storefront, holding only the link, sees what they will pay.
    seen = checkout_of(api_client, gid("Checkout", checkout.token))
    assert seen["totalPrice"]["gross"]["amount"] == 10.0
    # The default template is relative and the purchase left Saleor no storefront URL.
    assert renewal.payment_url == ""

    # The "renewal created" e-mail waited for the checkout, then went out once.
    assert service.events.get(type="RENEWAL_CREATED").email_status == "SENT"
    [mail] = [m for m in mailoutbox if m.subject == f"Renewal invoice for {service.product_name}"]
    assert mail.to == [service.user_email]


@pytest.mark.django_db
def test_the_payment_url_is_the_channels_template(
    bought_service, django_capture_on_commit_callbacks, mailoutbox
):
    templates = {"*": "https://shop.example/{channel}/checkout?checkout={checkout_id}&renewal={renewal_id}"}
    with override_settings(SALEOR_SERVICES={"PAYMENT_URL_TEMPLATES": templates}):
        get_settings.cache_clear()
        renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    get_settings.cache_clear()

    checkout_id = gid("Checkout", renewal.checkout_id)
    assert renewal.payment_url == (
        f"https://shop.example/svc-gross/checkout?checkout={checkout_id}&renewal={renewal.pk}"
    )
    [mail] = [m for m in mailoutbox if m.subject.startswith("Renewal invoice")]
    assert renewal.payment_url in mail.body


@pytest.mark.django_db
def test_a_relative_template_joins_the_storefront_the_customer_bought_on(
    bought_service, django_capture_on_commit_callbacks, settings
):
    """Saleor keeps no storefront URL; the purchase's redirect URL (a storefront URL
    Saleor checks against ALLOWED_CLIENT_HOSTS) gives its origin."""
    from saleor.order.models import Order

    settings.ALLOWED_CLIENT_HOSTS = ["shop.example"]
    Order.objects.filter(pk=bought_service.order_id).update(
        redirect_url="https://shop.example/svc-gross/order/confirmed?x=1"
    )

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)

    assert renewal.payment_url == (
        f"https://shop.example/svc-gross/checkout?checkout={gid('Checkout', renewal.checkout_id)}"
    )


@pytest.mark.django_db
def test_opening_again_keeps_the_checkout(bought_service, django_capture_on_commit_callbacks):
    from saleor.checkout.models import Checkout

    from saleor_services.saleor.renewal_checkouts import open_renewal_checkout

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)

    assert open_renewal_checkout(renewal.pk) is False
    renewal.refresh_from_db()
    assert Checkout.objects.filter(token=renewal.checkout_id).exists()
    assert Checkout.objects.count() == 1


@pytest.mark.django_db
def test_owner_and_staff_see_the_checkout_and_order_fields(
    bought_service, user_api_client, user2_api_client, manage_orders_staff, django_capture_on_commit_callbacks
):
    from saleor.graphql.tests.utils import get_graphql_content

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    query = """query($id: ID!) { service(id: $id) { renewals {
      checkoutId checkout { id totalPrice { gross { amount } } } order { id } } } }"""
    service_id = gid("Service", bought_service.pk)

    for client in (user_api_client, manage_orders_staff):
        service = get_graphql_content(client.post_graphql(query, {"id": service_id}))["data"]["service"]
        [node] = service["renewals"]
        assert node["checkout"]["id"] == gid("Checkout", renewal.checkout_id)
        assert node["checkout"]["totalPrice"]["gross"]["amount"] == 10.0
        assert node["order"] is None
    # Another customer does not see the service, nor its renewals.
    assert get_graphql_content(user2_api_client.post_graphql(query, {"id": service_id}))["data"]["service"] is None


@pytest.mark.django_db
def test_a_billing_address_saleor_now_refuses_is_left_to_the_customer(
    bought_service, django_capture_on_commit_callbacks
):
    from saleor.checkout.models import Checkout
    from saleor.order.models import Order

    order = Order.objects.select_related("billing_address").get(pk=bought_service.order_id)
    order.billing_address.postal_code = "not a postal code"
    order.billing_address.save(update_fields=["postal_code"])

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)

    assert renewal.status == "OPEN"
    checkout = Checkout.objects.get(token=renewal.checkout_id)
    assert checkout.billing_address is None  # the storefront asks for one, as for any checkout
    assert checkout.lines.get().price_override == renewal.amount
