from datetime import date

import pytest

from saleor_services.cancellation import cancellation_request_approve, cancellation_request_create
from saleor_services.enums import CancellationRequestStatus, CancellationType, ServiceStatus
from saleor_services.errors import ServiceError, ServiceErrorCode

from .conftest import PASSWORD, TODAY


def request_for(service, actor, type=CancellationType.END_OF_BILLING_PERIOD):
    return cancellation_request_create(
        service_id=service.pk, actor=actor, type=type, reason="Bye", password=PASSWORD, today=TODAY
    )


def test_approve_end_of_period_waits_for_the_date(make_service, as_customer, staff):
    service = make_service()
    request = request_for(service, as_customer)

    cancellation_request_approve(request_id=request.pk, actor=staff, note="Sorry to see you go", today=TODAY)

    request.refresh_from_db()
    service.refresh_from_db()
    assert request.status == CancellationRequestStatus.APPROVED
    assert request.decided_by_user == staff.user
    assert request.decision_note == "Sorry to see you go"
    assert service.status == ServiceStatus.ACTIVE


def test_approve_immediate_cancels_now(make_service, as_customer, staff):
    service = make_service()
    request = request_for(service, as_customer, CancellationType.IMMEDIATE)

    cancellation_request_approve(request_id=request.pk, actor=staff, today=TODAY)

    request.refresh_from_db()
    service.refresh_from_db()
    assert service.status == ServiceStatus.CANCELLED
    assert request.status == CancellationRequestStatus.COMPLETED


def test_approve_after_the_effective_date_cancels_now(make_service, as_customer, staff):
    service = make_service()
    request = request_for(service, as_customer)

    cancellation_request_approve(request_id=request.pk, actor=staff, today=date(2026, 4, 11))

    service.refresh_from_db()
    assert service.status == ServiceStatus.CANCELLED


def test_customer_cannot_approve(make_service, as_customer, unchanged):
    request = request_for(make_service(), as_customer)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        cancellation_request_approve(request_id=request.pk, actor=as_customer)
    assert refusal.value.code == ServiceErrorCode.NOT_FOUND


def test_only_pending_requests_are_approved(make_service, as_customer, staff, unchanged):
    request = request_for(make_service(), as_customer)
    cancellation_request_approve(request_id=request.pk, actor=staff, today=TODAY)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        cancellation_request_approve(request_id=request.pk, actor=staff, today=TODAY)
    assert refusal.value.code == ServiceErrorCode.INVALID_TRANSITION
