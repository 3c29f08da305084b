"""What a provisioner's answer does to the service (state, last error, an event), and
staff's retry after a failure."""

from django.db import transaction
from django.utils import timezone

from ..actors import SYSTEM, Actor
from ..enums import ProvisioningState, ServiceEventType, ServiceStatus
from ..errors import ServiceError, ServiceErrorCode
from ..events import service_event_create
from ..lifecycle.engine import change_status, lock_service
from ..models import Service
from ..transitions import ServiceAction
from . import get_provisioner, queue_provisioning


def service_for_call(service_id: int) -> Service | None:
    return Service.objects.select_related("plan").filter(pk=service_id).first()


def _text(answer: dict, key: str) -> str:
    value = answer.get(key)
    return value[:255] if isinstance(value, str) and "\x00" not in value else ""


def record_success(service_id: int, operation: str, answer: dict) -> None:
    if operation == "provision":
        service_provisioning_succeeded(
            service_id=service_id,
            server_hostname=_text(answer, "server_hostname"),
            username=_text(answer, "username"),
            password=_text(answer, "password"),
            package_name=_text(answer, "package_name"),
        )
        return
    with transaction.atomic():
        service = lock_service(service_id, actor=SYSTEM)
        service.provisioning_state = ProvisioningState.SUCCEEDED
        service.provisioning_error = ""
        service.save(update_fields=["provisioning_state", "provisioning_error", "updated_at"])
        service_event_create(
            service=service,
            type=ServiceEventType.PROVISIONING_SUCCEEDED,
            actor=SYSTEM,
            operation=operation,
        )


def record_failure(service_id: int, operation: str, error: str, *, attempts: int) -> None:
    service_provisioning_failed(
        service_id=service_id, error=f"{operation} failed after {attempts} tries: {error}"
    )


def service_provisioning_succeeded(
    *,
    service_id: int,
    server_hostname: str = "",
    username: str = "",
    password: str = "",
    package_name: str = "",
) -> Service:
    """Record what the provisioner set up; a pending service becomes active."""
    with transaction.atomic():
        service = lock_service(service_id, actor=SYSTEM)
        service.server_hostname = server_hostname or service.server_hostname
        service.username = username or service.username
        if password:
            service.password = password
        service.package_name = package_name or service.package_name
        service.provisioning_state = ProvisioningState.SUCCEEDED
        service.provisioning_error = ""
        service.save(
            update_fields=[
                "server_hostname",
                "username",
                "password",
                "package_name",
                "provisioning_state",
                "provisioning_error",
                "updated_at",
            ]
        )
        service_event_create(
            service=service,
            type=ServiceEventType.PROVISIONING_SUCCEEDED,
            actor=SYSTEM,
            server_hostname=service.server_hostname or None,
            package_name=service.package_name or None,
        )
        if service.status == ServiceStatus.PENDING:
            service.activated_at = timezone.now()
            change_status(
                service,
                action=ServiceAction.ACTIVATE,
                actor=SYSTEM,
                event_type=ServiceEventType.ACTIVATED,
                apply=lambda _service, _parameters: ["activated_at"],
            )
        return service


def service_provisioning_failed(*, service_id: int, error: str) -> Service:
    """The service stays as it is (pending), with the failure visible to staff."""
    error = (error or "Unknown error").strip()[:2000]
    with transaction.atomic():
        service = lock_service(service_id, actor=SYSTEM)
        service.provisioning_state = ProvisioningState.FAILED
        service.provisioning_error = error
        service.save(update_fields=["provisioning_state", "provisioning_error", "updated_at"])
        service_event_create(
            service=service,
            type=ServiceEventType.PROVISIONING_FAILED,
            actor=SYSTEM,
            error=error,
        )
        return service


def service_provisioning_retry(*, service_id: int, actor: Actor) -> Service:
    """Queue provisioning again for a pending service whose provisioning failed."""
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Service not found.", field="id")
    provisioner = get_provisioner()
    with transaction.atomic():
        service = lock_service(service_id, actor=actor)
        if service.status != ServiceStatus.PENDING or provisioner is None:
            raise ServiceError(
                ServiceErrorCode.INVALID_TRANSITION,
                "Only a pending service of a provisioned plan can be provisioned again.",
                field="status",
            )
        service.provisioning_state = ProvisioningState.QUEUED
        service.save(update_fields=["provisioning_state", "updated_at"])
        service_event_create(service=service, type=ServiceEventType.PROVISIONING_QUEUED, actor=actor)
        queue_provisioning([service.pk], "provision")
        return service
