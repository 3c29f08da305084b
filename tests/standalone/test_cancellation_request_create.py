from datetime import date

import pytest

from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import (
    CancellationMode,
    CancellationRequestStatus,
    CancellationType,
    ServiceEventType,
    ServiceStatus,
)
from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.models import ServicePlan

from .conftest import PASSWORD, TODAY, events_of

EOP = CancellationType.END_OF_BILLING_PERIOD


def create(service, actor, **overrides):
    arguments = {"type": EOP, "reason": "Moving elsewhere", "password": PASSWORD, "today": TODAY}
    return cancellation_request_create(service_id=service.pk, actor=actor, **(arguments | overrides))


def test_request_mode_leaves_the_request_pending(make_service, as_customer):
    service = make_service()

    request = create(service, as_customer)

    assert request.status == CancellationRequestStatus.PENDING
    assert request.effective_date == service.next_due_date == date(2026, 4, 10)
    assert request.requested_by_type == "CUSTOMER"
    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE
    [event] = events_of(service, ServiceEventType.CANCELLATION_REQUESTED)
    assert event.parameters["reason"] == "Moving elsewhere"
    assert event.parameters["cancellation_type"] == "END_OF_BILLING_PERIOD"
    assert PASSWORD not in str(event.parameters)


@pytest.mark.parametrize(
    ("notice_days", "expected"),
    [(0, date(2026, 4, 10)), (31, date(2026, 4, 10)), (45, date(2026, 4, 24))],
)
def test_notice_period_takes_the_later_date(make_service, as_customer, notice_days, expected):
    plan = ServicePlan.objects.create(name="Notice", variant_id=88, notice_period_days=notice_days)
    service = make_service(plan=plan)

    assert create(service, as_customer).effective_date == expected


def test_immediate_type_is_effective_today(make_service, as_customer):
    service = make_service()
    assert create(service, as_customer, type=CancellationType.IMMEDIATE).effective_date == TODAY


def test_immediate_mode_cancels_at_once(make_service, as_customer):
    plan = ServicePlan.objects.create(
        name="Immediate", variant_id=89, cancellation_mode=CancellationMode.IMMEDIATE
    )
    service = make_service(plan=plan)

    request = create(service, as_customer, type=CancellationType.IMMEDIATE)

    service.refresh_from_db()
    request.refresh_from_db()
    assert service.status == ServiceStatus.CANCELLED
    assert request.status == CancellationRequestStatus.COMPLETED
    assert request.decided_by_type == "SYSTEM"
    assert [e.type for e in events_of(service)][-3:] == [
        ServiceEventType.CANCELLATION_REQUESTED,
        ServiceEventType.CANCELLATION_APPROVED,
        ServiceEventType.CANCELLED,
    ]


def test_immediate_mode_end_of_period_is_approved_and_waits(make_service, as_customer):
    plan = ServicePlan.objects.create(
        name="Immediate", variant_id=89, cancellation_mode=CancellationMode.IMMEDIATE
    )
    service = make_service(plan=plan)

    request = create(service, as_customer)

    service.refresh_from_db()
    assert request.status == CancellationRequestStatus.APPROVED
    assert service.status == ServiceStatus.ACTIVE


@pytest.mark.parametrize(
    ("overrides", "code", "field"),
    [
        ({"password": "wrong"}, ServiceErrorCode.PASSWORD_INCORRECT, "password"),
        ({"password": ""}, ServiceErrorCode.REQUIRED, "password"),
        ({"reason": "   "}, ServiceErrorCode.REQUIRED, "reason"),
        ({"reason": "r" * 1001}, ServiceErrorCode.INVALID, "reason"),
        ({"type": "TOMORROW"}, ServiceErrorCode.INVALID, "type"),
    ],
)
def test_bad_input_is_refused(make_service, as_customer, unchanged, overrides, code, field):
    service = make_service()
    with unchanged(), pytest.raises(ServiceError) as refusal:
        create(service, as_customer, **overrides)
    assert (refusal.value.code, refusal.value.field) == (code, field)


def test_staff_need_no_password(make_service, staff):
    service = make_service()
    request = create(service, staff, password=None)
    assert request.requested_by_type == "STAFF"


def test_one_open_request_per_service(make_service, as_customer, unchanged):
    service = make_service()
    create(service, as_customer)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        create(service, as_customer)
    assert refusal.value.code == ServiceErrorCode.ALREADY_REQUESTED


def test_plan_without_cancel_refuses_customers(make_service, as_customer, unchanged):
    plan = ServicePlan.objects.create(name="Locked", variant_id=90, allow_cancel=False)
    service = make_service(plan=plan)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        create(service, as_customer)
    assert refusal.value.code == ServiceErrorCode.NOT_ALLOWED_BY_PLAN


@pytest.mark.parametrize("status", [ServiceStatus.CANCELLED, ServiceStatus.TERMINATED, ServiceStatus.FRAUD])
def test_ended_service_cannot_be_cancelled(make_service, as_customer, unchanged, status):
    service = make_service(status)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        create(service, as_customer)
    assert refusal.value.code == ServiceErrorCode.INVALID_TRANSITION


def test_someone_elses_service_is_not_found(make_service, other_customer, unchanged):
    service = make_service()
    with unchanged(), pytest.raises(ServiceError) as refusal:
        create(service, Actor.customer(other_customer))
    assert refusal.value.code == ServiceErrorCode.NOT_FOUND
