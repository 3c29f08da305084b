"""What a provisioner's answer does to the service (state, last error, an event)."""

from django.db import transaction

from ..actors import SYSTEM
from ..enums import ProvisioningState, ServiceEventType
from ..events import service_event_create
from ..lifecycle import lock_service, service_provisioning_failed, service_provisioning_succeeded
from ..models import Service


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
