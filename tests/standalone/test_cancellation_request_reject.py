import pytest

from saleor_services.cancellation import cancellation_request_create, cancellation_request_reject
from saleor_services.enums import (
    CancellationRequestStatus,
    CancellationType,
    ServiceEventType,
    ServiceStatus,
)
from saleor_services.errors import ServiceError, ServiceErrorCode

from .conftest import PASSWORD, events_of


def test_reject_keeps_the_service_and_allows_a_new_request(make_service, as_customer, staff):
    service = make_service()
    request = cancellation_request_create(
        service_id=service.pk, actor=as_customer, type=CancellationType.IMMEDIATE,
        reason="Bye", password=PASSWORD,
    )

    cancellation_request_reject(request_id=request.pk, actor=staff, note="Contract runs a year")

    request.refresh_from_db()
    service.refresh_from_db()
    assert request.status == CancellationRequestStatus.REJECTED
    assert request.decision_note == "Contract runs a year"
    assert service.status == ServiceStatus.ACTIVE
    [event] = events_of(service, ServiceEventType.CANCELLATION_REJECTED)
    assert event.parameters["note"] == "Contract runs a year"
    cancellation_request_create(
        service_id=service.pk, actor=as_customer, type=CancellationType.IMMEDIATE,
        reason="Again", password=PASSWORD,
    )


def test_unknown_request_is_not_found(db, staff, unchanged):
    with unchanged(), pytest.raises(ServiceError) as refusal:
        cancellation_request_reject(request_id=424242, actor=staff)
    assert refusal.value.code == ServiceErrorCode.NOT_FOUND
