"""Anyone holding the checkout id can edit it as any checkout. The renewal's line stays
one unit at the renewal's price; other lines are an ordinary purchase."""

from decimal import Decimal

import pytest

pytest.importorskip("saleor")

from saleor_services.models import Service  # noqa: E402

from .storefront import (  # noqa: E402
    CHECKOUT_LINES_ADD,
    CHECKOUT_LINES_DELETE,
    CHECKOUT_LINES_UPDATE,
    checkout_of,
    complete,
    gid,
    issue_renewal,
    pay,
    payload,
)


@pytest.fixture
def renewal(bought_service, django_capture_on_commit_callbacks):
    return issue_renewal(bought_service, django_capture_on_commit_callbacks)


def _renewal_line(checkout):
    from saleor.checkout.models import CheckoutLine

    return CheckoutLine.objects.get(checkout_id=checkout, price_override__isnull=False)


def _set_quantity(client, renewal, quantity):
    """What any holder of the link may do: change the renewal line's quantity."""
    line_id = gid("CheckoutLine", _renewal_line(renewal.checkout_id).pk)
    variables = {"id": gid("Checkout", renewal.checkout_id), "lines": [{"lineId": line_id, "quantity": quantity}]}
    payload(client.post_graphql(CHECKOUT_LINES_UPDATE, variables), "checkoutLinesUpdate")


@pytest.mark.django_db
def test_quantity_three_on_the_renewal_line_goes_back_to_one(renewal, api_client):
    checkout_id = gid("Checkout", renewal.checkout_id)

    _set_quantity(api_client, renewal, 3)

    line = _renewal_line(renewal.checkout_id)
    assert (line.quantity, line.price_override) == (1, renewal.amount)
    assert checkout_of(api_client, checkout_id)["totalPrice"]["gross"]["amount"] == 10.0


@pytest.mark.django_db
def test_adding_the_same_variant_merges_and_goes_back_to_one(renewal, store, api_client):
    checkout_id = gid("Checkout", renewal.checkout_id)

    payload(
        api_client.post_graphql(
            CHECKOUT_LINES_ADD,
            {"id": checkout_id, "lines": [{"variantId": gid("ProductVariant", store.variant.pk), "quantity": 2}]},
        ),
        "checkoutLinesAdd",
    )

    [line] = checkout_of(api_client, checkout_id)["lines"]
    assert line["quantity"] == 1
    assert _renewal_line(renewal.checkout_id).price_override == renewal.amount


@pytest.mark.django_db
def test_a_removed_renewal_line_is_put_back(renewal, api_client):
    checkout_id = gid("Checkout", renewal.checkout_id)
    line_id = gid("CheckoutLine", _renewal_line(renewal.checkout_id).pk)

    payload(
        api_client.post_graphql(CHECKOUT_LINES_DELETE, {"id": checkout_id, "linesIds": [line_id]}),
        "checkoutLinesDelete",
    )

    line = _renewal_line(renewal.checkout_id)
    assert (line.quantity, line.price_override, line.variant_id) == (1, renewal.amount, renewal.service.variant_id)


@pytest.mark.django_db
def test_an_extra_line_is_an_ordinary_purchase(renewal, store, api_client, payment_app_client):
    """A different service bought with the renewal becomes a service at its own price;
    the renewal settles its one period."""
    service = renewal.service
    checkout_id = gid("Checkout", renewal.checkout_id)
    payload(
        api_client.post_graphql(
            CHECKOUT_LINES_ADD,
            {"id": checkout_id, "lines": [{"variantId": gid("ProductVariant", store.other_variant.pk), "quantity": 2}]},
        ),
        "checkoutLinesAdd",
    )
    lines = {line["variant"]["id"]: line["quantity"] for line in checkout_of(api_client, checkout_id)["lines"]}
    assert lines == {gid("ProductVariant", store.variant.pk): 1, gid("ProductVariant", store.other_variant.pk): 2}

    assert pay(payment_app_client, checkout_id) == Decimal("18.00")
    order = complete(api_client, checkout_id)

    renewal.refresh_from_db()
    service.refresh_from_db()
    assert renewal.status == "PAID" and service.next_due_date == renewal.period_end
    extra = list(Service.objects.filter(order_id=order.pk).order_by("unit_index"))
    assert [(s.variant_id, s.recurring_amount, s.plan_id, s.user_id) for s in extra] == [
        (store.other_variant.pk, Decimal("4.00"), store.other_plan.pk, service.user_id)
    ] * 2
    assert renewal.kind == "RENEWAL"


@pytest.mark.django_db
def test_extra_units_that_slip_past_the_guard_settle_one_period_and_are_no_services(
    renewal, api_client, payment_app_client, monkeypatch
):
    """Should the guard not run (it runs after Saleor's commit), the paid order still
    settles one period, and units of the renewal line beyond one are not services."""
    from saleor_services.saleor import checkout_guard

    monkeypatch.setattr(checkout_guard, "guard_renewal_checkout", lambda checkout: None)
    service = renewal.service
    old_due = service.next_due_date
    checkout_id = gid("Checkout", renewal.checkout_id)
    _set_quantity(api_client, renewal, 3)

    assert pay(payment_app_client, checkout_id) == Decimal("30.00")
    order = complete(api_client, checkout_id)

    [line] = order.lines.all()
    assert line.quantity == 3
    renewal.refresh_from_db()
    service.refresh_from_db()
    assert renewal.status == "PAID"
    assert old_due < service.next_due_date == renewal.period_end  # one period, not three
    assert service.events.filter(type="RENEWAL_PAID").count() == 1
    assert not Service.objects.filter(order_id=order.pk).exists()


@pytest.mark.django_db
def test_the_guard_costs_an_ordinary_checkout_one_query(store, customer, user_api_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from saleor.checkout.models import Checkout

    from saleor_services.saleor.plugin import ServicesPlugin

    from .storefront import storefront_checkout

    storefront_checkout(
        user_api_client, channel=store.gross.slug, lines=[(store.variant, 2)],
        email=customer.email, address=customer.default_billing_address,
    )
    checkout = Checkout.objects.get()
    plugin = ServicesPlugin(configuration=[], active=True)

    with CaptureQueriesContext(connection) as queries:
        assert plugin.checkout_updated(checkout, previous_value="kept") == "kept"

    assert len(queries) == 1  # is it a renewal's? no
    assert checkout.lines.get().quantity == 2


@pytest.mark.django_db
def test_a_checkout_completed_without_the_renewal_line_is_a_purchase_and_the_renewal_gets_another(
    renewal, store, api_client, payment_app_client, monkeypatch
):
    """Should the guard not run, a checkout emptied of its renewal line buys only what is
    in it; the renewal still asks for its money, through a new checkout."""
    from saleor_services.saleor import checkout_guard

    monkeypatch.setattr(checkout_guard, "guard_renewal_checkout", lambda checkout: None)
    old_token = renewal.checkout_id
    checkout_id = gid("Checkout", old_token)
    line_id = gid("CheckoutLine", _renewal_line(old_token).pk)
    payload(
        api_client.post_graphql(CHECKOUT_LINES_DELETE, {"id": checkout_id, "linesIds": [line_id]}),
        "checkoutLinesDelete",
    )
    payload(
        api_client.post_graphql(
            CHECKOUT_LINES_ADD,
            {"id": checkout_id, "lines": [{"variantId": gid("ProductVariant", store.other_variant.pk), "quantity": 1}]},
        ),
        "checkoutLinesAdd",
    )

    assert pay(payment_app_client, checkout_id) == Decimal("4.00")
    order = complete(api_client, checkout_id)

    renewal.refresh_from_db()
    assert renewal.status == "OPEN" and renewal.order_id is None
    assert renewal.checkout_id not in (None, old_token)  # a new checkout to pay
    [bought] = Service.objects.filter(order_id=order.pk)
    assert (bought.variant_id, bought.recurring_amount) == (store.other_variant.pk, Decimal("4.00"))
