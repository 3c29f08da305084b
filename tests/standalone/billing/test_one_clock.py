"""Every date a daily run writes comes from the run's day, never from the wall clock."""

from datetime import date

from saleor_services.automation import run_daily_automation, run_moment

from .conftest import types_of


def _overdue_service(buy, clock):
    service = buy(date(2026, 11, 1))  # due 1 Dec 2026
    run_daily_automation(date(2026, 11, 24))  # its renewal, on schedule
    clock.at(date(2026, 12, 1))  # the wall clock stays here from now on
    return service


def test_a_run_for_a_later_day_suspends_on_that_day_and_warns_of_a_later_termination(buy, clock):
    service = _overdue_service(buy, clock)

    run_daily_automation(date(2027, 1, 4))

    service.refresh_from_db()
    assert service.status == "SUSPENDED"
    assert service.suspended_at == run_moment(date(2027, 1, 4))
    assert "TERMINATION_WARNING" not in types_of(service)  # 14 days after the run's day, not the clock's

    run_daily_automation(date(2027, 1, 15))
    service.refresh_from_db()
    warning = service.events.get(type="TERMINATION_WARNING")
    assert warning.parameters["termination_date"] == "2027-01-18"
    assert service.status == "SUSPENDED"

    run_daily_automation(date(2027, 1, 18))
    service.refresh_from_db()
    assert service.status == "TERMINATED"
    assert service.terminated_at == run_moment(date(2027, 1, 18))


def test_a_run_for_day_d_writes_the_same_dates_whatever_the_wall_clock_says(buy, clock, customer):
    late = _overdue_service(buy, clock)
    run_daily_automation(date(2026, 12, 20))  # wall clock 1 Dec
    on_time = buy(date(2026, 11, 1))
    run_daily_automation(date(2026, 11, 24))
    clock.at(date(2026, 12, 20))
    run_daily_automation(date(2026, 12, 20))  # wall clock 20 Dec

    late.refresh_from_db()
    on_time.refresh_from_db()
    assert late.suspended_at == on_time.suspended_at == run_moment(date(2026, 12, 20))
