"""Amounts written per locale in the API, as the e-mails write them (issue 11, req. 3)."""

from decimal import Decimal

import pytest

from saleor_services.models import Renewal, Service

from .conftest import gid

QUERY = """query($id: ID!, $locale: String) { service(id: $id) {
  recurringAmountText(locale: $locale)
  renewals { amountText(locale: $locale) refundedAmountText(locale: $locale) }
} }"""


def _with_renewal(service, amount: str, currency: str):
    Service.objects.filter(pk=service.pk).update(recurring_amount=Decimal(amount), currency=currency)
    Renewal.objects.create(
        service=service, period_start=service.next_due_date, period_end=service.next_due_date,
        amount=Decimal(amount), currency=currency, due_date=service.next_due_date,
    )


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "written"),
    [
        ("9.99", "USD", "en", "$9.99"),
        ("9.99", "EUR", "fr", "9,99\xa0€"),
        ("1234.5", "EUR", "de", "1.234,50\xa0€"),
        ("1000", "JPY", "en", "¥1,000"),
        ("1.250", "KWD", "en", "KWD1.250"),
    ],
)
def test_amounts_are_written_in_the_locale_with_the_currency_precision(
    api, make_service, customer, amount, currency, locale, written
):
    service = make_service()
    _with_renewal(service, amount, currency)
    data = api.post(QUERY, {"id": gid(service), "locale": locale}, user=customer)["data"]["service"]
    assert data["recurringAmountText"] == written
    assert data["renewals"][0]["amountText"] == written


def test_without_a_locale_the_request_language_is_used(api, make_service, customer, settings):
    service = make_service()
    _with_renewal(service, "9.99", "EUR")
    settings.LANGUAGE_CODE = "de"
    data = api.post(QUERY, {"id": gid(service)}, user=customer)["data"]["service"]
    assert data["recurringAmountText"] == "9,99\xa0€"


def test_an_unknown_locale_is_a_typed_error(api, make_service, customer):
    service = make_service()
    content = api.post(QUERY, {"id": gid(service), "locale": "xx-NOPE"}, user=customer, expect_errors=True)
    assert [error["extensions"]["code"] for error in content["errors"]] == ["INVALID"]
    assert "Unknown locale" in content["errors"][0]["message"]
