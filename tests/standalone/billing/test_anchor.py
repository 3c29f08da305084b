"""Pauses keep the day-of-month anchor: 31 Jan -> 28/29 Feb -> 31 Mar."""

from datetime import date

from saleor_services import lifecycle
from saleor_services.actors import SYSTEM, Actor
from saleor_services.automation import run_daily_automation
from saleor_services.billing.renewals import renewal_mark_paid

from .conftest import renewals_of


def test_a_zero_day_pause_on_the_28th_keeps_the_anchor_on_the_31st(buy, clock, customer):
    service = buy(date(2027, 1, 31))
    assert service.next_due_date == date(2027, 2, 28)

    clock.at(date(2027, 2, 28))
    lifecycle.service_pause(service_id=service.pk, actor=Actor.customer(customer), today=date(2027, 2, 28))
    lifecycle.service_resume(service_id=service.pk, actor=Actor.customer(customer), today=date(2027, 2, 28))

    service.refresh_from_db()
    assert (service.next_due_date, service.billing_anchor_day, service.paused_days) == (date(2027, 2, 28), 31, 0)
    [renewal] = [r for r in renewals_of(service) if r.status == "OPEN"]
    assert (renewal.period_start, renewal.period_end) == (date(2027, 2, 28), date(2027, 3, 31))
    renewal_mark_paid(renewal_id=renewal.pk, actor=SYSTEM, today=date(2027, 2, 28))
    service.refresh_from_db()
    assert service.next_due_date == date(2027, 3, 31)


def test_a_longer_pause_shifts_every_later_due_date_by_the_paused_days(buy, clock, customer):
    service = buy(date(2027, 1, 31))
    clock.at(date(2027, 2, 1))
    lifecycle.service_pause(service_id=service.pk, actor=Actor.customer(customer), today=date(2027, 2, 1))
    clock.at(date(2027, 2, 11))
    lifecycle.service_resume(service_id=service.pk, actor=Actor.customer(customer), today=date(2027, 2, 11))

    service.refresh_from_db()
    assert service.next_due_date == date(2027, 3, 10)  # 28 Feb + 10
    for expected_end in (date(2027, 4, 10), date(2027, 5, 10), date(2027, 6, 10)):  # 31 Mar, 30 Apr, 31 May + 10
        run_daily_automation(service.next_due_date)
        [renewal] = [r for r in renewals_of(service) if r.status == "OPEN"]
        assert renewal.period_end == expected_end
        renewal_mark_paid(renewal_id=renewal.pk, actor=SYSTEM, today=service.next_due_date)
        service.refresh_from_db()
        assert service.next_due_date == expected_end
