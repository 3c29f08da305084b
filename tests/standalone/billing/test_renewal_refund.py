"""Refunds are recorded on the renewal; a full refund takes its period back."""

from datetime import date
from decimal import Decimal

import pytest

from saleor_services.actors import SYSTEM
from saleor_services.automation import run_daily_automation
from saleor_services.billing.renewals import renewal_mark_paid, renewal_record_refund
from saleor_services.errors import ServiceError, ServiceErrorCode

from .conftest import renewals_of


@pytest.fixture
def paid(buy, clock):
    service = buy(date(2026, 1, 10))
    run_daily_automation(date(2026, 2, 3))
    [renewal] = renewals_of(service)
    renewal_mark_paid(renewal_id=renewal.pk, actor=SYSTEM, today=date(2026, 2, 5))
    service.refresh_from_db()
    assert service.next_due_date == date(2026, 3, 10)
    return service, renewal


def test_a_part_refund_is_recorded_and_the_period_stays_paid(paid):
    service, renewal = paid
    renewal_record_refund(renewal_id=renewal.pk, amount=Decimal("2.00"))

    renewal.refresh_from_db()
    service.refresh_from_db()
    assert (renewal.status, renewal.refunded_amount) == ("PARTIALLY_REFUNDED", Decimal("2.00"))
    assert service.next_due_date == date(2026, 3, 10)
    event = service.events.get(type="RENEWAL_PARTIALLY_REFUNDED")
    assert event.parameters["amount"] == "2.00"


def test_a_full_refund_takes_the_period_back_and_it_is_billed_again(paid, clock):
    service, renewal = paid
    renewal_record_refund(renewal_id=renewal.pk, amount=Decimal("2.00"))
    renewal_record_refund(renewal_id=renewal.pk, amount=Decimal("7.99"))

    renewal.refresh_from_db()
    service.refresh_from_db()
    assert (renewal.status, renewal.refunded_amount) == ("REFUNDED", Decimal("9.99"))
    assert service.next_due_date == date(2026, 2, 10)  # back to the refunded period's start
    refunded = service.events.get(type="RENEWAL_REFUNDED")
    assert (refunded.parameters["old_next_due_date"], refunded.parameters["new_next_due_date"]) == (
        "2026-03-10", "2026-02-10",
    )

    clock.at(date(2026, 2, 20))
    run_daily_automation(date(2026, 2, 20))
    fresh = renewals_of(service)[-1]
    # The period is billed again, falling due today, so the warning still comes first.
    assert (fresh.status, fresh.period_start, fresh.due_date) == ("OPEN", date(2026, 2, 10), date(2026, 2, 20))
    service.refresh_from_db()
    assert service.status == "ACTIVE"


def test_refunding_more_than_was_paid_is_refused(paid, unchanged):
    _service, renewal = paid
    with unchanged(), pytest.raises(ServiceError) as refusal:
        renewal_record_refund(renewal_id=renewal.pk, amount=Decimal("10.00"))
    assert (refusal.value.code, refusal.value.field) == (ServiceErrorCode.INVALID, "amount")


def test_an_open_renewal_cannot_be_refunded(buy, unchanged):
    service = buy(date(2026, 1, 10))
    run_daily_automation(date(2026, 2, 3))
    [renewal] = renewals_of(service)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        renewal_record_refund(renewal_id=renewal.pk, amount=Decimal("1.00"))
    assert refusal.value.code == ServiceErrorCode.INVALID_TRANSITION
