from saleor_services import lifecycle
from saleor_services.enums import ServiceStatus
from saleor_services.models import Service


def test_terminate_removes_credentials(make_service, staff):
    service = make_service(ServiceStatus.SUSPENDED)
    Service.objects.filter(pk=service.pk).update(username="alice")
    service.refresh_from_db()
    service.password = "s3cret"
    service.save(update_fields=["password"])

    lifecycle.service_terminate(service_id=service.pk, actor=staff)

    service.refresh_from_db()
    assert service.status == ServiceStatus.TERMINATED
    assert service.terminated_at is not None
    assert service.username == ""
    assert service.password.reveal() == ""
