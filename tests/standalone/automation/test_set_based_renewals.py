"""The renewals and reminders written by one SQL statement are what the Python rules say:
periods on the anchor day across month ends, leap years and pauses (billing/cycles.py),
late issue due today, and the events' parameters as `build_event` writes them."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import DataError, connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saleor_services import automation
from saleor_services.actors import SYSTEM
from saleor_services.billing.cycles import MONTHS_PER_CYCLE, shift_by_cycles
from saleor_services.enums import EmailStatus, ServiceEventType
from saleor_services.events import build_event
from saleor_services.models import Renewal, Service, ServiceEvent

TODAY = date(2026, 1, 20)
CASES = [
    # (next due date, cycle, anchor day, paused days)
    (date(2026, 1, 31), "MONTHLY", 31, 0),  # to 28 Feb
    (date(2028, 1, 31), "MONTHLY", 31, 0),  # leap year: 29 Feb
    (date(2026, 2, 28), "MONTHLY", 31, 0),  # back to the anchor: 31 Mar
    (date(2026, 1, 25), "QUARTERLY", 30, 0),
    (date(2026, 1, 26), "SEMIANNUALLY", 31, 3),  # paused 3 days: anchored on 31 Aug, then + 3
    (date(2026, 1, 27), "ANNUALLY", 29, 0),
    (date(2024, 2, 29), "ANNUALLY", 29, 0),  # 28 Feb 2025
    (date(2026, 1, 10), "BIENNIALLY", 10, 45),  # issued late: due today
    (date(2026, 1, 15), "TRIENNIALLY", 15, 400),
]


@pytest.mark.parametrize("days_before", [7])
def test_renewal_rows_and_events_follow_the_python_rules(make_service, days_before):
    services = []
    for due, cycle, anchor, paused in CASES:
        service = make_service()
        Service.objects.filter(pk=service.pk).update(
            next_due_date=due, billing_cycle=cycle, billing_anchor_day=anchor, paused_days=paused,
            recurring_amount=Decimal("12.340"),
        )
        services.append(Service.objects.get(pk=service.pk))
    assert {cycle for _due, cycle, _a, _p in CASES} == {str(c) for c in MONTHS_PER_CYCLE}

    # Each due date's run (three days before it, or TODAY for those issued late).
    days = sorted({min(TODAY, due) if due < TODAY else due - timedelta(days=3) for due, *_rest in CASES})
    issued_on = {}
    for day in days:
        before = set(Renewal.objects.values_list("pk", flat=True))
        automation.run_step("generate_renewals", day)
        issued_on.update(dict.fromkeys(Renewal.objects.exclude(pk__in=before).values_list("pk", flat=True), day))
    assert len(issued_on) == len(CASES)

    for service in services:
        [renewal] = Renewal.objects.filter(service=service)
        expected_end = shift_by_cycles(
            service.next_due_date, service.billing_cycle, anchor_day=service.billing_anchor_day,
            paused_days=service.paused_days,
        )
        assert (renewal.period_start, renewal.period_end) == (service.next_due_date, expected_end)
        assert renewal.due_date == max(service.next_due_date, issued_on[renewal.pk])
        assert (renewal.amount, renewal.currency, renewal.status) == (Decimal("12.340"), "USD", "OPEN")
        assert renewal.reminders_sent == [] and not renewal.suspension_warning_sent
        [event] = ServiceEvent.objects.filter(service=service, type=ServiceEventType.RENEWAL_CREATED)
        expected = build_event(
            service=service, type=ServiceEventType.RENEWAL_CREATED, actor=SYSTEM, renewal_id=renewal.pk,
            period_start=renewal.period_start, period_end=renewal.period_end, amount=service.recurring_amount,
            currency=renewal.currency, due_date=renewal.due_date,
        )
        assert event.parameters == expected.parameters
        assert (event.actor_type, event.user_id, event.app_id) == (expected.actor_type, None, None)
        assert event.email_status == expected.email_status == EmailStatus.PENDING


def test_a_row_the_calendar_cannot_hold_is_set_aside_and_the_others_renewed(make_service):
    good, bad = make_service(), make_service()
    Service.objects.filter(pk__in=[good.pk, bad.pk]).update(next_due_date=TODAY + timedelta(days=3))
    Service.objects.filter(pk=bad.pk).update(billing_cycle="FORTNIGHTLY")  # no such cycle

    assert automation.run_step("generate_renewals", TODAY) == 1

    assert Renewal.objects.filter(service=good).count() == 1
    assert not Renewal.objects.filter(service=bad).exists()
    [failure] = ServiceEvent.objects.filter(service=bad, type=ServiceEventType.AUTOMATION_FAILED)
    assert failure.parameters["step"] == "generate_renewals"


def test_reminders_write_the_offsets_reached_newest_first_and_count_from_the_closest(make_service):
    service = make_service()
    # Renewed without a reminder (the 7-day run was missed); today is 1 day before.
    Service.objects.filter(pk=service.pk).update(next_due_date=TODAY + timedelta(days=1))
    automation.run_step("generate_renewals", TODAY)
    renewal = Renewal.objects.get(service=service)
    assert renewal.reminders_sent == []

    assert automation.run_step("send_reminders", TODAY) == 1

    renewal.refresh_from_db()
    assert renewal.reminders_sent == [7, 1]  # both reached, newest first; one e-mail
    [event] = ServiceEvent.objects.filter(service=service, type=ServiceEventType.RENEWAL_REMINDER)
    assert event.parameters == {"renewal_id": renewal.pk, "days_before": 1, "due_date": renewal.due_date.isoformat()}
    assert event.email_status == EmailStatus.PENDING
    assert automation.run_step("send_reminders", TODAY) == 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    due=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    cycle=st.sampled_from([*MONTHS_PER_CYCLE, "FORTNIGHTLY"]),
    anchor=st.integers(min_value=1, max_value=31),
    paused=st.integers(min_value=0, max_value=2000),
)
def test_the_period_end_in_sql_is_shift_by_cycles_or_nothing(db, due, cycle, anchor, paused):
    """The statement's period end, on any row: the Python rule's date, or no date where
    the Python calendar cannot hold one (the row is then set aside)."""
    try:
        expected = shift_by_cycles(due, cycle, anchor_day=anchor, paused_days=paused)
    except (ValueError, OverflowError, KeyError):
        expected = None
    cycles = " ".join(f"WHEN '{c.value}' THEN {months}" for c, months in MONTHS_PER_CYCLE.items())
    sql = f"""
        SELECT {automation._PERIOD_END}
        FROM (VALUES (%s::date, %s::varchar, %s::int, %s::int))
             AS s(next_due_date, billing_cycle, billing_anchor_day, paused_days)
        CROSS JOIN LATERAL {automation._SHIFTED.format(cycles=cycles)} ends"""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [due, cycle, anchor, paused])
            [[found]] = cursor.fetchall()
    except DataError:  # make_date refuses the month: the statement fails, as NULL would
        found = None
    assert found == expected
