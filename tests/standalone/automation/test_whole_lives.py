"""Whole lives of a service under time travel, the daily automation run every day."""

from datetime import date

from saleor_services.actors import Actor
from saleor_services.billing.renewals import renewal_mark_paid
from saleor_services.cancellation import cancellation_request_approve, cancellation_request_create
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import CancellationType
from saleor_services.enums import ServiceEventType as E
from saleor_services.models import Renewal, Service

from ..conftest import PASSWORD, order_line, paid_order
from .conftest import subjects


def _buy(customer, clock, day):
    clock.at(day)
    [service] = create_services_for_paid_order(paid_order(customer, order_line(product_name="Hosting")), today=day)
    return service


def _types(service):
    return [event.type for event in service.events.order_by("pk")]


def test_paid_renewed_late_suspended_paid_and_reactivated(customer, plan, clock, mailoutbox):
    service = _buy(customer, clock, date(2028, 1, 31))
    assert service.next_due_date == date(2028, 2, 29)  # leap year, anchored to the 31st

    clock.live(date(2028, 1, 31), date(2028, 3, 5))

    service.refresh_from_db()
    [renewal] = Renewal.objects.filter(service=service)
    assert (renewal.period_start, renewal.period_end, renewal.due_date) == (
        date(2028, 2, 29), date(2028, 3, 31), date(2028, 2, 29),
    )
    assert renewal.created_at.date() == date(2028, 2, 22)  # 7 days before the due date
    assert renewal.reminders_sent == [7, 1]
    assert service.status == "SUSPENDED" and service.suspension_cause == "NON_PAYMENT"
    assert service.suspended_at.date() == date(2028, 3, 3)  # due + 3 grace days
    assert _types(service) == [
        E.CREATED, E.RENEWAL_CREATED, E.RENEWAL_REMINDER, E.RENEWAL_REMINDER, E.SUSPENSION_WARNING, E.SUSPENDED,
    ]
    warning = service.events.get(type=E.SUSPENSION_WARNING)
    assert warning.date.date() == date(2028, 3, 2)

    clock.at(date(2028, 3, 6))
    renewal_mark_paid(renewal_id=renewal.pk, actor=Actor.system(), today=date(2028, 3, 6))
    renewal_mark_paid(renewal_id=renewal.pk, actor=Actor.system(), today=date(2028, 3, 6))  # twice counts once

    service.refresh_from_db()
    assert service.status == "ACTIVE"
    assert service.next_due_date == date(2028, 3, 31)  # one cycle from the old due date, back on the 31st
    assert _types(service)[-2:] == [E.RENEWAL_PAID, E.UNSUSPENDED]

    clock.live(date(2028, 3, 6), date(2028, 3, 24))
    second = Renewal.objects.filter(service=service).order_by("period_start").last()
    assert (second.period_start, second.period_end) == (date(2028, 3, 31), date(2028, 4, 30))
    assert second.created_at.date() == date(2028, 3, 24)

    assert subjects() == [
        "Your Hosting is active",
        "Renewal invoice for Hosting",
        # The subjects count the days the run found (REMINDER_DAYS_BEFORE = 7, 1; the
        # warning SUSPENSION_WARNING_DAYS_BEFORE = 1 before due + 3 grace days).
        "Reminder: Hosting renews in 7 days",
        "Reminder: Hosting renews tomorrow",
        "Hosting will be suspended tomorrow",
        "Hosting has been suspended",
        "Hosting is active again",
        "Renewal invoice for Hosting",
        "Reminder: Hosting renews in 7 days",
    ]
    assert all(message.to == ["customer@example.com"] for message in mailoutbox)


def test_end_of_period_cancellation(customer, plan, clock, staff, mailoutbox):
    service = _buy(customer, clock, date(2026, 5, 10))
    clock.at(date(2026, 5, 20))
    request = cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(customer), type=CancellationType.END_OF_BILLING_PERIOD,
        reason="Moving", password=PASSWORD,
    )
    cancellation_request_approve(request_id=request.pk, actor=staff)

    clock.live(date(2026, 5, 20), date(2026, 6, 10))

    service.refresh_from_db()
    assert not Renewal.objects.filter(service=service).exists()  # no renewal after approval
    assert service.status == "CANCELLED"
    assert service.cancelled_at.date() == date(2026, 6, 10)  # on the due date
    request.refresh_from_db()
    assert request.status == "COMPLETED"

    clock.live(date(2026, 6, 11), date(2026, 7, 10))
    service.refresh_from_db()
    assert service.status == "TERMINATED"
    assert service.terminated_at.date() == date(2026, 7, 10)  # 30 days after cancellation
    assert service.events.get(type=E.TERMINATION_WARNING).date.date() == date(2026, 7, 7)
    assert subjects()[-5:] == [
        "We received your cancellation request",
        "Your cancellation request was approved",
        "Hosting has been cancelled",
        "Hosting will be terminated in 3 days",
        "Hosting has been terminated",
    ]


def test_pause_until_a_date_then_resume_by_itself(customer, plan, clock):
    from saleor_services.lifecycle import service_pause

    service = _buy(customer, clock, date(2026, 1, 10))
    clock.at(date(2026, 1, 20))
    service_pause(service_id=service.pk, actor=Actor.customer(customer), resume_on=date(2026, 2, 20))

    clock.live(date(2026, 1, 20), date(2026, 2, 20))

    service.refresh_from_db()
    assert service.status == "ACTIVE"
    assert service.next_due_date == date(2026, 3, 13)  # 10 Feb + 31 paused days
    assert not Renewal.objects.filter(service=service, period_start=date(2026, 2, 10)).exists()
    resumed = service.events.get(type=E.RESUMED)
    assert (resumed.actor_type, resumed.parameters["paused_days"]) == ("SYSTEM", 31)


def test_unpaid_service_is_terminated_two_weeks_after_suspension(customer, plan, clock, mailoutbox):
    service = _buy(customer, clock, date(2026, 3, 1))

    clock.live(date(2026, 3, 1), date(2026, 4, 18))

    service.refresh_from_db()
    assert service.suspended_at.date() == date(2026, 4, 4)
    assert service.status == "TERMINATED"
    assert service.terminated_at.date() == date(2026, 4, 18)
    assert service.events.get(type=E.TERMINATION_WARNING).date.date() == date(2026, 4, 15)
    assert subjects().count("Hosting has been terminated") == 1
    # The renewal generated for the terminated period stays open: nothing more happens.
    assert Service.objects.get(pk=service.pk).events.filter(type=E.RENEWAL_CREATED).count() == 1


def test_plan_overrides_and_never(customer, clock, settings):
    from saleor_services.models import ServicePlan

    settings.SALEOR_SERVICES = {}
    ServicePlan.objects.create(
        name="Lenient", variant_id=11, product_id=1,
        automation_overrides={"GRACE_DAYS": None, "RENEWAL_DAYS_BEFORE": 0},
    )
    service = _buy(customer, clock, date(2026, 3, 1))

    clock.live(date(2026, 3, 1), date(2026, 5, 1))

    service.refresh_from_db()
    assert service.status == "ACTIVE"  # never suspended
    [renewal] = Renewal.objects.filter(service=service)
    assert renewal.created_at.date() == date(2026, 4, 1)  # on the due day
