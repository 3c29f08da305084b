from saleor_services import lifecycle
from saleor_services.enums import ServiceEventType, ServiceStatus

from .conftest import events_of


def test_mark_fraud_records_the_reason(make_service, staff):
    service = make_service(ServiceStatus.PENDING)

    lifecycle.service_mark_fraud(service_id=service.pk, actor=staff, reason="Stolen card")

    service.refresh_from_db()
    assert service.status == ServiceStatus.FRAUD
    [event] = events_of(service, ServiceEventType.MARKED_FRAUD)
    assert event.parameters["reason"] == "Stolen card"
