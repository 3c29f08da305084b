"""Renewals stop asking for money when nothing will be served for them."""

from datetime import date
from decimal import Decimal

import pytest

from saleor_services import lifecycle
from saleor_services.actors import SYSTEM, Actor
from saleor_services.billing.plan_changes import service_change_plan
from saleor_services.billing.renewals import renewal_mark_paid, renewal_void
from saleor_services.cancellation import cancellation_request_approve, cancellation_request_create
from saleor_services.enums import CancellationType
from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.models import ServicePlan

from ..conftest import PASSWORD
from .conftest import renewals_of, types_of


def test_an_approved_end_of_period_cancellation_voids_the_issued_renewal(
    buy, clock, customer, staff, mailoutbox
):
    service = buy(date(2026, 1, 10))
    clock.live(date(2026, 1, 10), date(2026, 2, 3))  # renewal issued on due - 7, first reminder
    [renewal] = renewals_of(service)
    assert renewal.status == "OPEN" and renewal.reminders_sent == [7]

    request = cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(customer),
        type=CancellationType.END_OF_BILLING_PERIOD, reason="Moving on", password=PASSWORD,
        today=date(2026, 2, 3),
    )
    cancellation_request_approve(request_id=request.pk, actor=staff, today=date(2026, 2, 3))
    renewal.refresh_from_db()
    assert renewal.status == "VOID"

    clock.live(date(2026, 2, 4), date(2026, 2, 14))
    renewal.refresh_from_db()
    service.refresh_from_db()
    assert renewal.reminders_sent == [7]  # no reminder for a period that will not be served
    assert service.status == "CANCELLED"
    assert "SUSPENDED" not in types_of(service) and "SUSPENSION_WARNING" not in types_of(service)
    assert types_of(service).count("RENEWAL_REMINDER") == 1
    voided = service.events.get(type="RENEWAL_VOIDED")
    assert voided.parameters["renewal_id"] == renewal.pk


@pytest.mark.parametrize(
    "end",
    [
        lambda service, staff: lifecycle.service_cancel(service_id=service.pk, actor=staff),
        lambda service, staff: lifecycle.service_mark_fraud(service_id=service.pk, actor=staff),
        lambda service, staff: lifecycle.service_pause(service_id=service.pk, actor=staff),
        lambda service, staff: (
            lifecycle.service_suspend(service_id=service.pk, actor=staff),
            lifecycle.service_terminate(service_id=service.pk, actor=staff),
        ),
    ],
    ids=["cancelled", "fraud", "paused", "terminated"],
)
def test_a_service_that_stops_being_billed_voids_its_open_renewal(buy, clock, staff, end):
    service = buy(date(2026, 1, 10))
    clock.live(date(2026, 1, 10), date(2026, 2, 3))
    [renewal] = renewals_of(service)

    end(service, staff)

    renewal.refresh_from_db()
    assert renewal.status == "VOID"
    assert service.events.filter(type="RENEWAL_VOIDED", parameters__renewal_id=renewal.pk).count() == 1


def test_staff_cannot_mark_a_void_renewal_paid_but_a_payment_received_still_counts(buy, clock, staff):
    service = buy(date(2026, 1, 10))
    clock.live(date(2026, 1, 10), date(2026, 2, 3))
    [renewal] = renewals_of(service)
    renewal_void(renewal_id=renewal.pk, actor=staff, reason="Sent by mistake")

    with pytest.raises(ServiceError) as refusal:
        renewal_mark_paid(renewal_id=renewal.pk, actor=staff)
    assert refusal.value.code == ServiceErrorCode.INVALID_TRANSITION

    # The customer had paid the document before it was released: money in counts.
    renewal_mark_paid(renewal_id=renewal.pk, actor=SYSTEM, by_host=True, today=date(2026, 2, 4))
    renewal.refresh_from_db()
    service.refresh_from_db()
    assert renewal.status == "PAID"
    assert service.next_due_date == date(2026, 3, 10)
    assert service.events.get(type="RENEWAL_PAID").parameters["paid_after"] == "VOID"


def test_voiding_an_unpaid_upgrade_charge_frees_the_next_plan_change(buy, plan, staff, customer, clock):
    bigger = ServicePlan.objects.create(name="Bigger", variant_id=12, price_amount=Decimal("19.99"), currency="USD")
    plan.change_targets.add(bigger)
    service = buy(date(2026, 1, 10))
    clock.at(date(2026, 1, 20))
    _service, _quote, charge = service_change_plan(
        service_id=service.pk, target_plan_id=bigger.pk, actor=Actor.customer(customer), today=date(2026, 1, 20)
    )
    with pytest.raises(ServiceError) as blocked:
        service_change_plan(service_id=service.pk, target_plan_id=bigger.pk, actor=staff, today=date(2026, 1, 20))
    assert blocked.value.code == ServiceErrorCode.ALREADY_REQUESTED

    renewal_void(renewal_id=charge.pk, actor=staff)

    _service, _quote, again = service_change_plan(
        service_id=service.pk, target_plan_id=bigger.pk, actor=staff, today=date(2026, 1, 20)
    )
    assert again.status == "OPEN" and again.pk != charge.pk


def test_a_paid_upgrade_supersedes_the_renewal_issued_at_the_old_price(buy, plan, customer, clock):
    bigger = ServicePlan.objects.create(name="Bigger", variant_id=12, price_amount=Decimal("19.99"), currency="USD")
    plan.change_targets.add(bigger)
    service = buy(date(2026, 1, 10))
    clock.live(date(2026, 1, 10), date(2026, 2, 4))  # the 10 Feb renewal is open at 9.99
    [old] = renewals_of(service)
    _service, _quote, charge = service_change_plan(
        service_id=service.pk, target_plan_id=bigger.pk, actor=Actor.customer(customer), today=date(2026, 2, 4)
    )

    renewal_mark_paid(renewal_id=charge.pk, actor=SYSTEM, today=date(2026, 2, 4), by_host=True)

    old.refresh_from_db()
    assert old.status == "VOID"
    [reissued] = [r for r in renewals_of(service) if r.kind == "RENEWAL" and r.status == "OPEN"]
    assert (reissued.period_start, reissued.amount) == (date(2026, 2, 10), Decimal("19.990"))
