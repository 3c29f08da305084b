"""A renewal is taxed as the purchase was: its line's price is the price as entered in
the channel (gross or net), so Saleor's flat 23 % comes out the same both times."""

from decimal import Decimal

import pytest

pytest.importorskip("saleor")

from saleor_services.models import Service  # noqa: E402

from .storefront import buy, complete, gid, issue_renewal, pay  # noqa: E402

# (channel, unit net, unit gross) as Saleor prices the 10.00 variant at 23 %.
CASES = [("gross", Decimal("8.13"), Decimal("10.00")), ("net", Decimal("10.00"), Decimal("12.30"))]


def _unit(line):
    return line.unit_price_net_amount, line.unit_price_gross_amount


@pytest.mark.django_db
@pytest.mark.parametrize(("channel", "net", "gross"), CASES)
def test_the_renewal_order_line_is_priced_as_the_original(
    channel, net, gross, store, customer, user_api_client, api_client, payment_app_client,
    django_capture_on_commit_callbacks,
):
    original = buy(
        user_api_client, payment_app_client,
        channel=store.channel(channel).slug, lines=[(store.variant, 1)], customer=customer,
    )
    [original_line] = original.lines.all()
    assert _unit(original_line) == (net, gross)
    service = Service.objects.get(order_id=original.pk)
    # The service keeps the price as entered in the channel, not the taxed one.
    assert service.recurring_amount == Decimal("10.00")

    renewal = issue_renewal(service, django_capture_on_commit_callbacks)
    assert renewal.amount == Decimal("10.00")
    checkout_id = gid("Checkout", renewal.checkout_id)
    assert pay(payment_app_client, checkout_id) == gross
    order = complete(api_client, checkout_id)

    [line] = order.lines.all()
    assert _unit(line) == _unit(original_line) == (net, gross)
    assert (order.total_net_amount, order.total_gross_amount) == (net, gross)
    assert line.tax_rate == original_line.tax_rate == Decimal("0.23")
    renewal.refresh_from_db()
    assert renewal.status == "PAID"
