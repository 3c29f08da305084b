from saleor_services import lifecycle
from saleor_services.enums import ServiceEventType, ServiceStatus

from .conftest import events_of


def test_archive_a_terminated_service(make_service, staff):
    service = make_service(ServiceStatus.TERMINATED)

    lifecycle.service_archive(service_id=service.pk, actor=staff)

    service.refresh_from_db()
    assert service.status == ServiceStatus.ARCHIVED
    [event] = events_of(service, ServiceEventType.ARCHIVED)
    assert event.parameters == {"old_status": "TERMINATED", "new_status": "ARCHIVED"}
