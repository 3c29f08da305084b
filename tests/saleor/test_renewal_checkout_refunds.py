"""Money a payment app gives back on a renewal order reaches the renewal: a part refund
records its share, a full refund takes the period back."""

from decimal import Decimal

import pytest

pytest.importorskip("saleor")

from .storefront import complete, gid, issue_renewal, pay, report_refund  # noqa: E402


@pytest.fixture
def paid_renewal(bought_service, api_client, payment_app_client, django_capture_on_commit_callbacks):
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    checkout_id = gid("Checkout", renewal.checkout_id)
    paid = pay(payment_app_client, checkout_id)
    order = complete(api_client, checkout_id)
    renewal.refresh_from_db()
    assert renewal.status == "PAID"
    return renewal, order, paid


@pytest.mark.django_db
def test_a_part_then_the_rest(paid_renewal, payment_app_client):
    renewal, order, paid = paid_renewal
    service = renewal.service
    service.refresh_from_db()
    assert service.next_due_date == renewal.period_end

    report_refund(payment_app_client, order, Decimal("4.00"), psp="refund-1")

    renewal.refresh_from_db()
    assert (renewal.status, renewal.refunded_amount) == ("PARTIALLY_REFUNDED", Decimal("4.00"))
    service.refresh_from_db()
    assert service.next_due_date == renewal.period_end  # a part refund keeps the period

    report_refund(payment_app_client, order, paid - Decimal("4.00"), psp="refund-2")

    renewal.refresh_from_db()
    service.refresh_from_db()
    assert (renewal.status, renewal.refunded_amount) == ("REFUNDED", renewal.amount)
    assert service.next_due_date == renewal.period_start  # the period is billed again
    events = list(service.events.filter(type__in=["RENEWAL_PARTIALLY_REFUNDED", "RENEWAL_REFUNDED"]).order_by("pk"))
    assert [(e.type, Decimal(str(e.parameters["amount"]))) for e in events] == [
        ("RENEWAL_PARTIALLY_REFUNDED", Decimal("4.00")),
        ("RENEWAL_REFUNDED", Decimal("6.00")),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("bought_service", ["net"], indirect=True)
def test_in_a_net_channel_the_share_is_in_the_renewals_terms(paid_renewal, payment_app_client):
    """The renewal's amount is the net price entered (10.00); the customer paid 12.30.
    Half the money back is half the renewal back."""
    renewal, order, paid = paid_renewal
    assert (renewal.amount, paid) == (Decimal("10.00"), Decimal("12.30"))

    report_refund(payment_app_client, order, Decimal("6.15"))

    renewal.refresh_from_db()
    assert (renewal.status, renewal.refunded_amount) == ("PARTIALLY_REFUNDED", Decimal("5.00"))


@pytest.mark.django_db
@pytest.mark.parametrize("bought_service", ["net"], indirect=True)
def test_a_full_refund_at_once(paid_renewal, payment_app_client):
    renewal, order, paid = paid_renewal

    report_refund(payment_app_client, order, paid)

    renewal.refresh_from_db()
    assert (renewal.status, renewal.refunded_amount) == ("REFUNDED", renewal.amount)
    # Saleor called both order_refunded and order_fully_refunded: recorded once.
    assert renewal.service.events.filter(type="RENEWAL_REFUNDED").count() == 1
    assert not renewal.service.events.filter(type="RENEWAL_PARTIALLY_REFUNDED").exists()
