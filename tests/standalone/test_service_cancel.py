from saleor_services import lifecycle
from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import CancellationRequestStatus, CancellationType, ServiceStatus

from .conftest import PASSWORD


def test_staff_cancel_completes_an_open_request(make_service, customer, staff):
    service = make_service()
    request = cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(customer),
        type=CancellationType.END_OF_BILLING_PERIOD, reason="Too expensive", password=PASSWORD,
    )

    lifecycle.service_cancel(service_id=service.pk, actor=staff, reason="Requested by phone")

    service.refresh_from_db()
    request.refresh_from_db()
    assert service.status == ServiceStatus.CANCELLED
    assert service.cancelled_at is not None
    assert request.status == CancellationRequestStatus.COMPLETED
