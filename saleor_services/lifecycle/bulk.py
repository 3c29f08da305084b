"""Staff actions on many services at once: one lock in pk order, one UPDATE, one INSERT."""

from django.db import transaction

from ..actors import Actor
from ..enums import ServiceEventType, SuspensionCause
from ..errors import ServiceError, ServiceErrorCode
from ..models import Service
from ..reach import within_reach
from ..transitions import ServiceAction, target_status
from ..validation import bounded_text
from .engine import change_status_many
from .fields import clear_suspension, remove_on_termination, start_suspension

_BULK = {
    ServiceAction.SUSPEND: ServiceEventType.SUSPENDED,
    ServiceAction.UNSUSPEND: ServiceEventType.UNSUSPENDED,
    ServiceAction.TERMINATE: ServiceEventType.TERMINATED,
}


def services_bulk_transition(
    *, service_ids: list[int], action: ServiceAction, actor: Actor, reason: str = ""
) -> tuple[list[Service], dict[int, ServiceError]]:
    """Move many services at once: one lock, one UPDATE, one INSERT of events.

    Returns the moved services and, by id, why each of the others could not move.
    """
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Service not found.", field="id")
    reason = bounded_text(reason, field="reason")
    apply = {
        ServiceAction.SUSPEND: start_suspension(reason=reason, cause=SuspensionCause.OTHER),
        ServiceAction.UNSUSPEND: clear_suspension,
        ServiceAction.TERMINATE: remove_on_termination,
    }[action]

    with transaction.atomic():
        # Rows locked in primary-key order, so concurrent bulk calls cannot deadlock.
        services = list(
            within_reach(Service.objects.select_for_update(of=("self",)), actor)
            .filter(pk__in=service_ids)
            .order_by("pk")
        )
        refused: dict[int, ServiceError] = {}
        found = {service.pk for service in services}
        for service_id in service_ids:
            if service_id not in found:
                refused[service_id] = ServiceError(ServiceErrorCode.NOT_FOUND, "Service not found.", field="id")
        for service in services:
            try:
                target_status(action, service.status)
            except ServiceError as error:
                refused[service.pk] = error
        parameters = {"reason": reason or None}
        if action == ServiceAction.SUSPEND:
            parameters["cause"] = SuspensionCause.OTHER
        moved = change_status_many(
            [s for s in services if s.pk not in refused],
            action=action,
            actor=actor,
            event_type=_BULK[action],
            apply=apply,
            **parameters,
        )
    return moved, refused
