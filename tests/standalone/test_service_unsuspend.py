from saleor_services import lifecycle
from saleor_services.enums import ServiceStatus, SuspensionCause


def test_unsuspend_clears_the_suspension(make_service, staff):
    service = make_service()
    lifecycle.service_suspend(
        service_id=service.pk, actor=staff, reason="Overdue", cause=SuspensionCause.NON_PAYMENT
    )

    lifecycle.service_unsuspend(service_id=service.pk, actor=staff)

    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE
    assert (service.suspended_at, service.suspension_reason, service.suspension_cause) == (None, "", "")
