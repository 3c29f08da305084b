"""Amounts in their currency's precision (JPY 0 decimals, USD 2, KWD 3), written per locale."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail

from saleor_services.actors import Actor
from saleor_services.automation import run_daily_automation
from saleor_services.billing.money import format_money, quantize_money
from saleor_services.billing.plan_changes import service_change_plan_preview
from saleor_services.models import ServicePlan
from saleor_services.notifications import send_pending_emails


@pytest.mark.parametrize(
    ("currency", "price", "target", "expected"),
    [
        ("JPY", "1000", "1500", Decimal("242")),  # 500 * 15 / 31 = 241.9…
        ("USD", "10.00", "15.00", Decimal("2.42")),
        ("KWD", "10.000", "15.000", Decimal("2.419")),
    ],
)
def test_a_prorated_quote_is_in_the_currency_precision(buy, plan, customer, currency, price, target, expected):
    bigger = ServicePlan.objects.create(
        name="Bigger", variant_id=12, price_amount=Decimal(target), currency=currency
    )
    plan.change_targets.add(bigger)
    service = buy(date(2027, 1, 10), price=price, currency=currency)  # period 10 Jan - 10 Feb (31 days)

    quote = service_change_plan_preview(
        service_id=service.pk, target_plan_id=bigger.pk, actor=Actor.customer(customer), today=date(2027, 1, 26)
    )

    assert quote.days_left == 15 and quote.days_in_period == 31
    assert quote.prorated_amount == expected
    assert quote.prorated_amount.as_tuple().exponent == expected.as_tuple().exponent


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "written"),
    [
        ("9.990", "USD", "en", "$9.99"),
        ("1000.000", "JPY", "en", "¥1,000"),
        ("9.990", "EUR", "fr", "9,99\xa0€"),
        ("12.345", "KWD", "en", "KWD12.345"),
    ],
)
def test_amounts_are_written_per_locale(amount, currency, locale, written):
    assert format_money(Decimal(amount), currency, locale=locale) == written


def test_quantising_follows_the_currency():
    assert quantize_money(Decimal("9.990"), "USD") == Decimal("9.99")
    assert str(quantize_money(Decimal("1000.000"), "JPY")) == "1000"


def test_the_renewal_e_mail_prints_the_amount_as_money(buy, clock, mailoutbox):
    service = buy(date(2027, 1, 10), price="9.990")
    run_daily_automation(date(2027, 2, 3))
    send_pending_emails()

    [renewal_mail] = [m for m in mail.outbox if m.subject.startswith("Renewal invoice")]
    assert "$9.99" in renewal_mail.body
    assert "9.990" not in renewal_mail.body
    assert service.pk
