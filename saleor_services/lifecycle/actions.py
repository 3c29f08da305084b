"""One keyword-only function per lifecycle action a caller can take."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from ..actors import Actor
from ..billing.cycles import is_recurring
from ..enums import ServiceEventType, SuspensionCause
from ..errors import ServiceError, ServiceErrorCode
from ..models import Service
from ..transitions import ServiceAction
from ..validation import bounded_text, clean_date
from .engine import act, change_status, check_customer_may, lock_service
from .fields import (
    clear_suspension,
    end_pause,
    remove_on_termination,
    restart_billing,
    start_suspension,
)


def service_activate(*, service_id: int, actor: Actor) -> Service:
    def apply(service: Service, parameters: dict) -> list[str]:
        service.activated_at = service.activated_at or timezone.now()
        return ["activated_at"]

    return act(
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
    return act(
        service_id,
        action=ServiceAction.SUSPEND,
        actor=actor,
        event_type=ServiceEventType.SUSPENDED,
        apply=start_suspension(reason=reason, cause=cause),
        reason=reason or None,
        cause=cause,
    )


def service_unsuspend(*, service_id: int, actor: Actor) -> Service:
    return act(
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
    if resume_on is not None:
        resume_on = clean_date(resume_on, field="resume_on", today=today)
    if resume_on is not None and resume_on <= today:
        raise ServiceError(
            ServiceErrorCode.INVALID, "The resume date must be in the future.", field="resume_on"
        )

    def apply(service: Service, parameters: dict) -> list[str]:
        _require_plan_allows(service, actor, service.plan.allow_pause, "pause it")
        service.paused_at = timezone.now()
        service.resume_on = resume_on
        return ["paused_at", "resume_on"]

    return act(
        service_id,
        action=ServiceAction.PAUSE,
        actor=actor,
        event_type=ServiceEventType.PAUSED,
        apply=apply,
        resume_on=resume_on,
    )


def service_resume(*, service_id: int, actor: Actor, today: date | None = None) -> Service:
    """Resume a paused service; its due date moves on by the days it was paused."""
    today = today or timezone.localdate()

    def apply(service: Service, parameters: dict) -> list[str]:
        _require_plan_allows(service, actor, service.plan.allow_pause, "resume it")
        return end_pause(service, parameters, today=today)

    # The renewal of the shifted period is issued with the resume, in its transaction.
    from ..automation import issue_renewals

    with transaction.atomic():
        service = act(
            service_id,
            action=ServiceAction.RESUME,
            actor=actor,
            event_type=ServiceEventType.RESUMED,
            apply=apply,
        )
        issue_renewals([service.pk], today)
    return service


def service_reactivate(*, service_id: int, actor: Actor, today: date | None = None) -> Service:
    """A cancelled service back to active before it is terminated (customers: when the
    plan allows it). It is charged as a renewal for a new period starting today, issued
    in the same transaction; unpaid, it is suspended like any overdue renewal."""
    today = today or timezone.localdate()

    def apply(service: Service, parameters: dict) -> list[str]:
        _require_plan_allows(service, actor, service.plan.allow_reactivation, "reactivate it")
        if not is_recurring(service.billing_cycle):
            raise ServiceError(
                ServiceErrorCode.INVALID, "A one-time service cannot be reactivated.", field="id"
            )
        return restart_billing(service, parameters, today=today)

    from ..automation import issue_renewals

    with transaction.atomic():
        service = act(
            service_id,
            action=ServiceAction.REACTIVATE,
            actor=actor,
            event_type=ServiceEventType.REACTIVATED,
            apply=apply,
        )
        issue_renewals([service.pk], today)
    return service


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
    check_customer_may(actor, ServiceAction.CANCEL)
    with transaction.atomic():
        service = lock_service(service_id, actor=actor)
        return cancel_locked(service, actor=actor, reason=reason)


def service_terminate(*, service_id: int, actor: Actor, reason: str = "") -> Service:
    """Final: the credentials on record are removed with the service."""
    reason = bounded_text(reason, field="reason")
    return act(
        service_id,
        action=ServiceAction.TERMINATE,
        actor=actor,
        event_type=ServiceEventType.TERMINATED,
        apply=remove_on_termination,
        reason=reason or None,
    )


def service_mark_fraud(*, service_id: int, actor: Actor, reason: str = "") -> Service:
    reason = bounded_text(reason, field="reason")
    return act(
        service_id,
        action=ServiceAction.MARK_FRAUD,
        actor=actor,
        event_type=ServiceEventType.MARKED_FRAUD,
        reason=reason or None,
    )


def service_archive(*, service_id: int, actor: Actor) -> Service:
    return act(
        service_id,
        action=ServiceAction.ARCHIVE,
        actor=actor,
        event_type=ServiceEventType.ARCHIVED,
    )
