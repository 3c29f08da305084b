from saleor_services import lifecycle
from saleor_services.enums import ActivationMode, ServiceStatus
from saleor_services.models import ServicePlan


def test_staff_activates_a_manual_plans_pending_service(make_service, staff):
    plan = ServicePlan.objects.create(name="VPS", variant_id=31, activation_mode=ActivationMode.MANUAL)
    service = make_service(ServiceStatus.PENDING, plan=plan)
    assert service.activated_at is None

    lifecycle.service_activate(service_id=service.pk, actor=staff)

    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE
    assert service.activated_at is not None
