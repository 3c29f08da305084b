"""One function per lifecycle action.

Each one locks the service row, asks the transition table, writes the change and its
ServiceEvent in one transaction, and leaves side effects (the provisioner) to after
commit. A refusal raises `ServiceError` before anything is written.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from .actors import SYSTEM, Actor
from .bulk_sql import update_rows
from .credentials import empty_secret
from .enums import (
    OPEN_CANCELLATION_STATUSES,
    CancellationRequestStatus,
    ProvisioningState,
    ServiceEventType,
    ServiceStatus,
    SuspensionCause,
)
from .errors import ServiceError, ServiceErrorCode
from .events import build_event, service_event_create, service_events_create
from .models import CancellationRequest, Service
from .provisioning import get_provisioner
from .transitions import CUSTOMER_ACTIONS, TRANSITIONS, ServiceAction, is_allowed, target_status
from .validation import bounded_text

# Which provisioner call follows a transition, and from which statuses the service was
# running on the server (suspending something never provisioned tells it nothing).
_PROVISIONER_CALLS: dict[ServiceAction, tuple[str, frozenset[str] | None]] = {
    ServiceAction.SUSPEND: ("suspend", None),
    ServiceAction.PAUSE: ("suspend", None),
    ServiceAction.CANCEL: ("suspend", frozenset({ServiceStatus.ACTIVE})),
    ServiceAction.MARK_FRAUD: ("suspend", frozenset({ServiceStatus.ACTIVE})),
    ServiceAction.UNSUSPEND: ("unsuspend", None),
    ServiceAction.RESUME: ("unsuspend", None),
    ServiceAction.TERMINATE: ("terminate", None),
}

# Statuses after which the service no longer runs, so an open cancellation request has
# nothing left to do.
_ENDED = frozenset({ServiceStatus.CANCELLED, ServiceStatus.TERMINATED, ServiceStatus.FRAUD})


def lock_service(service_id: int, *, actor: Actor) -> Service:
    """The service row, locked; a customer sees only their own (others are "not found")."""
    queryset = Service.objects.select_for_update(of=("self",)).select_related("plan")
    if actor.is_customer:
        queryset = queryset.filter(user_id=actor.user_id)
    try:
        return queryset.get(pk=service_id)
    except (Service.DoesNotExist, ValueError, TypeError):
        raise ServiceError(
            ServiceErrorCode.NOT_FOUND, "Service not found.", field="id"
        ) from None


def _check_customer_may(actor: Actor, action: ServiceAction) -> None:
    if actor.is_customer and action not in CUSTOMER_ACTIONS:
        raise ServiceError(
            ServiceErrorCode.NOT_FOUND, "Service not found.", field="id"
        )


def _call_provisioner_after_commit(moves: list[tuple[Service, str]], action: ServiceAction) -> None:
    call = _PROVISIONER_CALLS.get(action)
    provisioner = get_provisioner()
    if call is None or provisioner is None:
        return
    method, running_statuses = call
    service_ids = [
        service.pk
        for service, old in moves
        if running_statuses is None or old in running_statuses
    ]
    if service_ids:
        transaction.on_commit(
            lambda: [getattr(provisioner, method)(service_id) for service_id in service_ids]
        )


def change_status_many(
    services: list[Service],
    *,
    action: ServiceAction,
    actor: Actor,
    event_type: ServiceEventType,
    apply: Callable[[Service, dict], list[str]] | None = None,
    **parameters,
) -> list[Service]:
    """Move the locked services the table allows (the rest stay as they are).

    One UPDATE for the rows and one INSERT for their events, whatever their number;
    runs inside the caller's transaction. `apply` sets the action's own fields, may
    add event parameters, and returns the names of the fields it set.
    """
    now = timezone.now()
    target = TRANSITIONS[action].target
    fields = {"status", "updated_at"}
    moves = []
    for service in services:
        if not is_allowed(action, service.status):
            continue
        event_parameters = dict(parameters)
        fields.update(apply(service, event_parameters) if apply else [])
        moves.append((service, service.status, event_parameters))
        service.status = target
        service.updated_at = now
    if not moves:
        return []
    moved = [service for service, _, _ in moves]
    update_rows(moved, sorted(fields))
    if target in _ENDED:
        CancellationRequest.objects.filter(
            service__in=moved, status__in=OPEN_CANCELLATION_STATUSES
        ).update(status=CancellationRequestStatus.COMPLETED, decided_at=now, updated_at=now)
    service_events_create(
        [
            build_event(
                service=service,
                type=event_type,
                actor=actor,
                old_status=old,
                new_status=target,
                **event_parameters,
            )
            for service, old, event_parameters in moves
        ]
    )
    _call_provisioner_after_commit([(service, old) for service, old, _ in moves], action)
    return moved


def change_status(
    service: Service,
    *,
    action: ServiceAction,
    actor: Actor,
    event_type: ServiceEventType,
    apply: Callable[[Service, dict], list[str]] | None = None,
    **parameters,
) -> Service:
    """Move one locked service, or refuse with a typed error before writing anything."""
    target_status(action, service.status)
    changed: list[str] = []
    if apply is not None:
        # The action's own checks run before any write: they may still refuse.
        changed = apply(service, parameters)
    change_status_many(
        [service],
        action=action,
        actor=actor,
        event_type=event_type,
        apply=lambda _service, _parameters: changed,
        **parameters,
    )
    return service


def _act(
    service_id: int,
    *,
    action: ServiceAction,
    actor: Actor,
    event_type: ServiceEventType,
    apply: Callable[[Service, dict], list[str]] | None = None,
    **parameters,
) -> Service:
    _check_customer_may(actor, action)
    with transaction.atomic():
        service = lock_service(service_id, actor=actor)
        return change_status(
            service, action=action, actor=actor, event_type=event_type, apply=apply, **parameters
        )


def service_activate(*, service_id: int, actor: Actor) -> Service:
    def apply(service: Service, parameters: dict) -> list[str]:
        service.activated_at = service.activated_at or timezone.now()
        return ["activated_at"]

    return _act(
        service_id,
        action=ServiceAction.ACTIVATE,
        actor=actor,
        event_type=ServiceEventType.ACTIVATED,
        apply=apply,
    )


def service_suspend(
    *,
    service_id: int,
    actor: Actor,
    reason: str = "",
    cause: SuspensionCause = SuspensionCause.OTHER,
) -> Service:
    reason = bounded_text(reason, field="reason")
    return _act(
        service_id,
        action=ServiceAction.SUSPEND,
        actor=actor,
        event_type=ServiceEventType.SUSPENDED,
        apply=start_suspension(reason=reason, cause=cause),
        reason=reason or None,
        cause=cause,
    )


def start_suspension(*, reason: str, cause: SuspensionCause) -> Callable[[Service, dict], list[str]]:
    """Suspend's own fields, the same moment for every service of a batch."""
    now = timezone.now()

    def apply(service: Service, parameters: dict) -> list[str]:
        service.suspended_at = now
        service.suspension_reason = reason
        service.suspension_cause = cause
        return ["suspended_at", "suspension_reason", "suspension_cause"]

    return apply


def clear_suspension(service: Service, parameters: dict) -> list[str]:
    service.suspended_at = None
    service.suspension_reason = ""
    service.suspension_cause = ""
    service.termination_warning_sent = False
    return ["suspended_at", "suspension_reason", "suspension_cause", "termination_warning_sent"]


def service_unsuspend(*, service_id: int, actor: Actor) -> Service:
    return _act(
        service_id,
        action=ServiceAction.UNSUSPEND,
        actor=actor,
        event_type=ServiceEventType.UNSUSPENDED,
        apply=clear_suspension,
    )


def _require_plan_allows(service: Service, actor: Actor, allowed: bool, what: str) -> None:
    if actor.is_customer and not allowed:
        raise ServiceError(
            ServiceErrorCode.NOT_ALLOWED_BY_PLAN,
            f"This service's plan does not allow customers to {what}.",
        )


def service_pause(
    *, service_id: int, actor: Actor, resume_on: date | None = None, today: date | None = None
) -> Service:
    today = today or timezone.localdate()
    if resume_on is not None and resume_on <= today:
        raise ServiceError(
            ServiceErrorCode.INVALID, "The resume date must be in the future.", field="resumeOn"
        )

    def apply(service: Service, parameters: dict) -> list[str]:
        _require_plan_allows(service, actor, service.plan.allow_pause, "pause it")
        service.paused_at = timezone.now()
        service.resume_on = resume_on
        return ["paused_at", "resume_on"]

    return _act(
        service_id,
        action=ServiceAction.PAUSE,
        actor=actor,
        event_type=ServiceEventType.PAUSED,
        apply=apply,
        resume_on=resume_on,
    )


def end_pause(service: Service, parameters: dict, *, today: date) -> list[str]:
    """Resume's own fields: the due date moves on by the days the service was paused."""
    paused_days = max(0, (today - timezone.localdate(service.paused_at)).days)
    parameters.update(paused_days=paused_days, old_next_due_date=service.next_due_date)
    if service.next_due_date is not None:
        service.next_due_date += timedelta(days=paused_days)
        service.billing_anchor_day = service.next_due_date.day
    parameters["new_next_due_date"] = service.next_due_date
    service.paused_at = None
    service.resume_on = None
    return ["paused_at", "resume_on", "next_due_date", "billing_anchor_day"]


def remove_on_termination(service: Service, parameters: dict) -> list[str]:
    """Terminate's own fields: final, the credentials on record go with it."""
    service.terminated_at = timezone.now()
    service.username = ""
    service.password = empty_secret()
    return ["terminated_at", "username", "password"]


def service_resume(*, service_id: int, actor: Actor, today: date | None = None) -> Service:
    """Resume a paused service; its due date moves on by the days it was paused."""
    today = today or timezone.localdate()

    def apply(service: Service, parameters: dict) -> list[str]:
        _require_plan_allows(service, actor, service.plan.allow_pause, "resume it")
        return end_pause(service, parameters, today=today)

    return _act(
        service_id,
        action=ServiceAction.RESUME,
        actor=actor,
        event_type=ServiceEventType.RESUMED,
        apply=apply,
    )


def cancel_locked(service: Service, *, actor: Actor, reason: str = "") -> Service:
    def apply(service: Service, parameters: dict) -> list[str]:
        service.cancelled_at = timezone.now()
        return ["cancelled_at"]

    return change_status(
        service,
        action=ServiceAction.CANCEL,
        actor=actor,
        event_type=ServiceEventType.CANCELLED,
        apply=apply,
        reason=reason or None,
    )


def service_cancel(*, service_id: int, actor: Actor, reason: str = "") -> Service:
    reason = bounded_text(reason, field="reason")
    _check_customer_may(actor, ServiceAction.CANCEL)
    with transaction.atomic():
        service = lock_service(service_id, actor=actor)
        return cancel_locked(service, actor=actor, reason=reason)


def service_terminate(*, service_id: int, actor: Actor, reason: str = "") -> Service:
    """Final: the credentials on record are removed with the service."""
    reason = bounded_text(reason, field="reason")
    return _act(
        service_id,
        action=ServiceAction.TERMINATE,
        actor=actor,
        event_type=ServiceEventType.TERMINATED,
        apply=remove_on_termination,
        reason=reason or None,
    )


def service_mark_fraud(*, service_id: int, actor: Actor, reason: str = "") -> Service:
    reason = bounded_text(reason, field="reason")
    return _act(
        service_id,
        action=ServiceAction.MARK_FRAUD,
        actor=actor,
        event_type=ServiceEventType.MARKED_FRAUD,
        reason=reason or None,
    )


def service_archive(*, service_id: int, actor: Actor) -> Service:
    return _act(
        service_id,
        action=ServiceAction.ARCHIVE,
        actor=actor,
        event_type=ServiceEventType.ARCHIVED,
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
        transaction.on_commit(lambda: provisioner.provision(service.pk))
        return service


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
            Service.objects.select_for_update(of=("self",)).filter(pk__in=service_ids).order_by("pk")
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
