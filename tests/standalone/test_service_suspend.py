import pytest

from saleor_services import lifecycle
from saleor_services.enums import ServiceEventType, ServiceStatus, SuspensionCause
from saleor_services.errors import ServiceError, ServiceErrorCode

from .conftest import events_of


def test_suspend_records_reason_cause_and_event(make_service, staff):
    service = make_service()

    lifecycle.service_suspend(
        service_id=service.pk, actor=staff, reason="  Abuse report #42 ", cause=SuspensionCause.OTHER
    )

    service.refresh_from_db()
    assert service.status == ServiceStatus.SUSPENDED
    assert service.suspension_reason == "Abuse report #42"
    assert service.suspension_cause == SuspensionCause.OTHER
    assert service.suspended_at is not None
    [event] = events_of(service, ServiceEventType.SUSPENDED)
    assert event.parameters["reason"] == "Abuse report #42"
    assert event.parameters["cause"] == "OTHER"


def test_overlong_reason_is_refused(make_service, staff, unchanged):
    service = make_service()
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_suspend(service_id=service.pk, actor=staff, reason="x" * 1001)
    assert refusal.value.code == ServiceErrorCode.INVALID
    assert refusal.value.field == "reason"


def test_customer_cannot_suspend_own_service(make_service, as_customer, unchanged):
    service = make_service()
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_suspend(service_id=service.pk, actor=as_customer)
    assert refusal.value.code == ServiceErrorCode.NOT_FOUND
