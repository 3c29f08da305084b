import pytest

from saleor_services.actors import Actor
from saleor_services.cancellation import (
    cancellation_request_approve,
    cancellation_request_create,
    cancellation_request_withdraw,
)
from saleor_services.enums import CancellationRequestStatus, CancellationType, ServiceEventType
from saleor_services.errors import ServiceError, ServiceErrorCode

from .conftest import PASSWORD, events_of


def request_for(service, actor):
    return cancellation_request_create(
        service_id=service.pk, actor=actor, type=CancellationType.END_OF_BILLING_PERIOD,
        reason="Bye", password=PASSWORD,
    )


def test_customer_withdraws_a_pending_request(make_service, as_customer):
    service = make_service()
    request = request_for(service, as_customer)

    cancellation_request_withdraw(request_id=request.pk, actor=as_customer)

    request.refresh_from_db()
    assert request.status == CancellationRequestStatus.WITHDRAWN
    assert len(events_of(service, ServiceEventType.CANCELLATION_WITHDRAWN)) == 1


def test_approved_request_cannot_be_withdrawn(make_service, as_customer, staff, unchanged):
    request = request_for(make_service(), as_customer)
    cancellation_request_approve(request_id=request.pk, actor=staff)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        cancellation_request_withdraw(request_id=request.pk, actor=as_customer)
    assert refusal.value.code == ServiceErrorCode.INVALID_TRANSITION


def test_other_customer_gets_not_found(make_service, as_customer, other_customer, unchanged):
    request = request_for(make_service(), as_customer)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        cancellation_request_withdraw(request_id=request.pk, actor=Actor.customer(other_customer))
    assert refusal.value.code == ServiceErrorCode.NOT_FOUND
