"""Pausing while a renewal is open, then resuming: one renewal, the usual warning, no double billing."""

from datetime import date

from saleor_services import lifecycle
from saleor_services.actors import SYSTEM, Actor
from saleor_services.billing.renewals import renewal_mark_paid

from .conftest import renewals_of, types_of


def test_pause_voids_the_open_renewal_and_resume_issues_one_for_the_shifted_period(buy, clock, customer):
    service = buy(date(2026, 1, 10))  # due 10 Feb
    clock.live(date(2026, 1, 10), date(2026, 2, 5))
    [first] = renewals_of(service)
    assert first.due_date == date(2026, 2, 10)

    clock.at(date(2026, 2, 5))  # due - 5
    lifecycle.service_pause(service_id=service.pk, actor=Actor.customer(customer), today=date(2026, 2, 5))
    clock.live(date(2026, 2, 6), date(2026, 2, 14))
    clock.at(date(2026, 2, 15))  # 10 days later
    lifecycle.service_resume(service_id=service.pk, actor=Actor.customer(customer), today=date(2026, 2, 15))

    service.refresh_from_db()
    first.refresh_from_db()
    assert first.status == "VOID"
    assert service.next_due_date == date(2026, 2, 20)
    [_, second] = renewals_of(service)
    assert (second.status, second.period_start, second.due_date) == ("OPEN", date(2026, 2, 20), date(2026, 2, 20))
    assert second.period_end == date(2026, 3, 20)  # the 10th's grid, shifted by the 10 paused days

    clock.live(date(2026, 2, 15), date(2026, 2, 22))
    service.refresh_from_db()
    assert service.status == "ACTIVE"  # still in its grace period: no suspension
    assert "SUSPENDED" not in types_of(service)

    renewal_mark_paid(renewal_id=second.pk, actor=SYSTEM, today=date(2026, 2, 22))
    service.refresh_from_db()
    assert service.next_due_date == date(2026, 3, 20)  # one period on, paid once
    assert [r.status for r in renewals_of(service)] == ["VOID", "PAID"]


def test_left_alone_after_resume_the_service_is_warned_before_it_is_suspended(buy, clock, customer):
    service = buy(date(2026, 1, 10))
    clock.live(date(2026, 1, 10), date(2026, 2, 5))
    clock.at(date(2026, 2, 5))
    lifecycle.service_pause(
        service_id=service.pk, actor=Actor.customer(customer), resume_on=date(2026, 2, 15), today=date(2026, 2, 5)
    )
    clock.live(date(2026, 2, 6), date(2026, 2, 24))

    service.refresh_from_db()
    kinds = types_of(service)
    assert kinds.index("SUSPENSION_WARNING") < kinds.index("SUSPENDED")
    assert service.suspended_at.date() == date(2026, 2, 23)  # due 20 Feb + 3 grace days
    assert kinds.count("RENEWAL_CREATED") == 2
    assert service.status == "SUSPENDED"
