"""Paying a renewal: the service moves on one period and a non-payment suspension lifts."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from ..actors import SYSTEM, Actor
from ..enums import RenewalKind, RenewalStatus, ServiceEventType, ServiceStatus, SuspensionCause
from ..errors import ServiceError, ServiceErrorCode
from ..events import service_event_create
from ..lifecycle import change_status, clear_suspension, lock_service
from ..models import Renewal
from ..provisioning import get_provisioner
from ..transitions import ServiceAction

# Statuses in which paying a renewal moves the service on.
_BILLED = frozenset({ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED, ServiceStatus.PAUSED})


def _lock(renewal_id: int) -> tuple:
    try:
        service_id = Renewal.objects.values_list("service_id", flat=True).get(pk=renewal_id)
    except (Renewal.DoesNotExist, ValueError, TypeError):
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Renewal not found.", field="id") from None
    service = lock_service(service_id, actor=SYSTEM)
    return service, Renewal.objects.select_for_update().get(pk=renewal_id)


def renewal_mark_paid(
    *, renewal_id: int, actor: Actor = SYSTEM, today: date | None = None
) -> Renewal:
    """Record payment once: paying again changes nothing."""
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Renewal not found.", field="id")
    today = today or timezone.localdate()
    with transaction.atomic():
        service, renewal = _lock(renewal_id)
        if renewal.status == RenewalStatus.PAID:
            return renewal
        if renewal.status == RenewalStatus.VOID:
            raise ServiceError(
                ServiceErrorCode.INVALID_TRANSITION, "The renewal is void.", field="status"
            )
        renewal.status = RenewalStatus.PAID
        renewal.paid_at = timezone.now()
        renewal.save(update_fields=["status", "paid_at", "updated_at"])
        old_due = service.next_due_date
        if renewal.kind == RenewalKind.UPGRADE:
            _apply_upgrade(service, renewal, actor)
        # One cycle on from the old due date, not from the payment date; only once.
        elif service.status in _BILLED and service.next_due_date == renewal.period_start:
            service.next_due_date = renewal.period_end
            fields = ["next_due_date", "updated_at"]
            if service.pending_plan_id is not None:
                fields += _apply_pending_plan(service, actor)
            service.save(update_fields=fields)
        service_event_create(
            service=service,
            type=ServiceEventType.RENEWAL_PAID,
            actor=actor,
            renewal_id=renewal.pk,
            amount=renewal.amount,
            currency=renewal.currency,
            old_next_due_date=old_due,
            new_next_due_date=service.next_due_date,
        )
        still_overdue = (
            Renewal.objects.filter(
                service=service, kind=RenewalKind.RENEWAL, status=RenewalStatus.OPEN, due_date__lt=today
            )
            .exclude(pk=renewal.pk)
            .exists()
        )
        if (
            service.status == ServiceStatus.SUSPENDED
            and service.suspension_cause == SuspensionCause.NON_PAYMENT
            and not still_overdue
        ):
            change_status(
                service,
                action=ServiceAction.UNSUSPEND,
                actor=SYSTEM,
                event_type=ServiceEventType.UNSUSPENDED,
                apply=clear_suspension,
                renewal_id=renewal.pk,
            )
        return renewal


def _switch_plan(service, plan, actor: Actor) -> list[str]:
    old_plan_id = service.plan_id
    service.plan = plan
    service.recurring_amount = plan.price_amount
    service.pending_plan = None
    service_event_create(
        service=service,
        type=ServiceEventType.PLAN_CHANGED,
        actor=actor,
        old_plan_id=old_plan_id,
        new_plan_id=plan.pk,
        amount=plan.price_amount,
    )
    provisioner = get_provisioner()
    if provisioner is not None:
        transaction.on_commit(lambda: provisioner.change_plan(service.pk))
    return ["plan", "recurring_amount", "pending_plan"]


def _apply_pending_plan(service, actor: Actor) -> list[str]:
    """A downgrade waits for the renewal it was priced into, then takes effect."""
    return _switch_plan(service, service.pending_plan, actor)


def _apply_upgrade(service, renewal, actor: Actor) -> None:
    """A paid upgrade switches plan and recurring amount at once (the period stays)."""
    if service.status in _BILLED and renewal.target_plan_id is not None:
        fields = _switch_plan(service, renewal.target_plan, actor)
        service.save(update_fields=[*fields, "updated_at"])
