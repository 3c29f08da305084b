from datetime import UTC, date, datetime

import pytest
import time_machine

from saleor_services import lifecycle
from saleor_services.enums import ServiceEventType, ServiceStatus
from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.models import ServicePlan

from .conftest import events_of


def _at(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 12, tzinfo=UTC), tick=False)


def test_resume_moves_due_date_by_paused_days(make_service, as_customer):
    service = make_service(today=date(2026, 1, 31))
    assert service.next_due_date == date(2026, 2, 28)

    with _at(date(2026, 2, 10)):
        lifecycle.service_pause(service_id=service.pk, actor=as_customer, resume_on=date(2026, 3, 1))
    service.refresh_from_db()
    assert service.status == ServiceStatus.PAUSED
    assert service.resume_on == date(2026, 3, 1)
    [paused] = events_of(service, ServiceEventType.PAUSED)
    assert (paused.actor_type, paused.user_id) == ("CUSTOMER", as_customer.user.pk)

    with _at(date(2026, 3, 1)):
        lifecycle.service_resume(service_id=service.pk, actor=as_customer)

    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE
    assert service.next_due_date == date(2026, 3, 19)  # 28 Feb + 19 paused days
    # The anchor stays on the 31st; the paused days shift every later due date.
    assert (service.billing_anchor_day, service.paused_days) == (31, 19)
    assert (service.paused_at, service.resume_on) == (None, None)
    [event] = events_of(service, ServiceEventType.RESUMED)
    assert event.parameters["paused_days"] == 19
    assert event.parameters["old_next_due_date"] == "2026-02-28"
    assert event.parameters["new_next_due_date"] == "2026-03-19"


def test_resume_on_the_same_day_keeps_the_due_date(make_service, staff):
    service = make_service(today=date(2026, 1, 5))
    with _at(date(2026, 1, 20)):
        lifecycle.service_pause(service_id=service.pk, actor=staff)
        lifecycle.service_resume(service_id=service.pk, actor=staff)
    service.refresh_from_db()
    assert service.next_due_date == date(2026, 2, 5)


def test_resume_date_must_be_in_the_future(make_service, as_customer, unchanged):
    service = make_service()
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_pause(
            service_id=service.pk, actor=as_customer, resume_on=date(2026, 3, 10), today=date(2026, 3, 10)
        )
    assert refusal.value.code == ServiceErrorCode.INVALID
    assert refusal.value.field == "resume_on"


def test_plan_without_pause_refuses_customers_but_not_staff(make_service, as_customer, staff, unchanged):
    plan = ServicePlan.objects.create(name="No pause", variant_id=77, allow_pause=False)
    service = make_service(plan=plan)

    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_pause(service_id=service.pk, actor=as_customer)
    assert refusal.value.code == ServiceErrorCode.NOT_ALLOWED_BY_PLAN

    lifecycle.service_pause(service_id=service.pk, actor=staff)
    service.refresh_from_db()
    assert service.status == ServiceStatus.PAUSED


def test_customer_cannot_pause_someone_elses_service(make_service, other_customer, unchanged):
    from saleor_services.actors import Actor

    service = make_service()
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_pause(service_id=service.pk, actor=Actor.customer(other_customer))
    assert refusal.value.code == ServiceErrorCode.NOT_FOUND
