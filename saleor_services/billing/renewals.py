"""A renewal's life after it is issued: paid (the service moves on one period and a
non-payment suspension lifts), voided, failed and reopened, refunded."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..actors import SYSTEM, Actor
from ..enums import RenewalKind, RenewalStatus, ServiceEventType, ServiceStatus, SuspensionCause
from ..errors import ServiceError, ServiceErrorCode
from ..events import service_event_create
from ..lifecycle import change_status, clear_suspension, lock_service
from ..models import Renewal
from ..provisioning import queue_provisioning
from ..reach import within_reach
from ..transitions import ServiceAction
from ..validation import bounded_text
from .money import quantize_money
from .plan_prices import plan_price
from .port import get_billing
from .renewal_states import SETTLED, RenewalAction, renewal_target
from .voiding import reprice_next_renewal

# Statuses in which paying a renewal moves the service on.
_BILLED = frozenset({ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED, ServiceStatus.PAUSED})
# What a payment received by the host settles: money in counts, even after a void.
_HOST_PAYABLE = frozenset({RenewalStatus.OPEN, RenewalStatus.VOID, RenewalStatus.FAILED})


def _lock(renewal_id: int, actor: Actor = SYSTEM) -> tuple:
    renewals = within_reach(Renewal.objects.all(), actor, through="service__")
    try:
        service_id = renewals.values_list("service_id", flat=True).get(pk=renewal_id)
    except (Renewal.DoesNotExist, ValueError, TypeError):
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Renewal not found.", field="id") from None
    service = lock_service(service_id, actor=SYSTEM)
    return service, Renewal.objects.select_for_update().get(pk=renewal_id)


def renewal_mark_paid(
    *, renewal_id: int, actor: Actor = SYSTEM, today: date | None = None, by_host: bool = False
) -> Renewal:
    """Record payment once: paying again changes nothing.

    Staff may mark only an open renewal paid. A payment the host received (`by_host`:
    the customer paid the document) is recorded even if the renewal was voided or failed
    meanwhile: the money is in, so it counts, and its period still moves the service on
    if it is the service's next one (otherwise staff see it and refund).
    """
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Renewal not found.", field="id")
    today = today or timezone.localdate()
    with transaction.atomic():
        service, renewal = _lock(renewal_id, actor)
        if renewal.status in SETTLED | {RenewalStatus.REFUNDED}:
            return renewal
        was = renewal.status
        if not (by_host and was in _HOST_PAYABLE):
            renewal_target(RenewalAction.PAY, was)
        renewal.status = RenewalStatus.PAID
        renewal.paid_at = timezone.now()
        renewal.save(update_fields=["status", "paid_at", "updated_at"])
        old_due = service.next_due_date
        if renewal.kind == RenewalKind.UPGRADE:
            _apply_upgrade(service, renewal, actor, today)
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
            paid_after=was if was != RenewalStatus.OPEN else None,
        )
        _lift_non_payment_suspension(service, renewal, today)
        if not by_host:
            # Paid outside the document (staff recorded it): release the document, so
            # the customer is not asked to pay it again.
            billing = get_billing()
            transaction.on_commit(lambda: billing.void_documents_later([renewal.pk]))
        return renewal


def _lift_non_payment_suspension(service, renewal: Renewal, today: date) -> None:
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


def _move(renewal: Renewal, service, action: RenewalAction, actor: Actor, **parameters) -> Renewal:
    transition = renewal_target(action, renewal.status)
    old = renewal.status
    renewal.status = transition.target
    renewal.save(update_fields=[*parameters.pop("fields", []), "status", "updated_at"])
    service_event_create(
        service=service,
        type=transition.event_type,
        actor=actor,
        renewal_id=renewal.pk,
        renewal_status=old,
        **parameters,
    )
    return renewal


def renewal_void(*, renewal_id: int, actor: Actor, reason: str = "") -> Renewal:
    """Void an open (or failed) renewal: nothing is left to pay; its document is released."""
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Renewal not found.", field="id")
    reason = bounded_text(reason, field="reason")
    with transaction.atomic():
        service, renewal = _lock(renewal_id, actor)
        _move(renewal, service, RenewalAction.VOID, actor, reason=reason or None)
        billing = get_billing()
        transaction.on_commit(lambda: billing.void_documents_later([renewal.pk]))
        return renewal


def renewal_fail(*, renewal_id: int, reason: str) -> Renewal:
    """The host could not make the renewal's document: staff see why; no reminders."""
    reason = (reason or "Unknown error").strip()[:1000]
    with transaction.atomic():
        service, renewal = _lock(renewal_id)
        renewal.document_error = reason
        return _move(
            renewal, service, RenewalAction.FAIL, SYSTEM, reason=reason, fields=["document_error"]
        )


def renewal_document_replaced(*, renewal: Renewal, payment_url: str) -> None:
    """The host replaced the renewal's payable document (the old one expired or was
    deleted): the activity log says so, and the customer gets the new link, since the
    one they were sent is dead. Called inside the transaction that locks the renewal."""
    service_event_create(
        service=renewal.service,
        type=ServiceEventType.RENEWAL_LINK_REPLACED,
        actor=SYSTEM,
        renewal_id=renewal.pk,
        payment_url=payment_url or None,
    )


def renewal_reopen(*, renewal_id: int, actor: Actor) -> Renewal:
    """Staff ask for the document again after fixing what made it fail."""
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Renewal not found.", field="id")
    with transaction.atomic():
        service, renewal = _lock(renewal_id, actor)
        renewal.document_error = ""
        _move(renewal, service, RenewalAction.REOPEN, actor, fields=["document_error"])
        billing = get_billing()
        if billing.opens_documents:
            transaction.on_commit(lambda: billing.open_documents_later([renewal.pk]))
        return renewal


def renewal_record_refund(
    *, renewal_id: int, amount: Decimal, actor: Actor = SYSTEM, full: bool | None = None
) -> Renewal:
    """Record money given back for a paid renewal.

    A part refund only records the amount. A full refund takes the period back: if it
    was the service's latest paid period, the next due date goes back to its start (so
    the period is billed again, with the usual warning before any suspension), and the
    event tells staff. Refunding more than was paid is refused.
    """
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, "Renewal not found.", field="id")
    with transaction.atomic():
        service, renewal = _lock(renewal_id, actor)
        amount = quantize_money(amount, renewal.currency)
        total = renewal.refunded_amount + amount
        if amount <= 0 or total > renewal.amount:
            raise ServiceError(
                ServiceErrorCode.INVALID,
                f"A refund must be more than 0 and at most {renewal.amount - renewal.refunded_amount}"
                f" {renewal.currency}.",
                field="amount",
            )
        is_full = total == renewal.amount if full is None else full
        renewal.refunded_amount = total
        old_due = service.next_due_date
        if is_full and renewal.kind == RenewalKind.RENEWAL and service.next_due_date == renewal.period_end:
            service.next_due_date = renewal.period_start
            service.save(update_fields=["next_due_date", "updated_at"])
        return _move(
            renewal,
            service,
            RenewalAction.REFUND_ALL if is_full else RenewalAction.REFUND_PART,
            actor,
            amount=amount,
            refunded_amount=total,
            currency=renewal.currency,
            old_next_due_date=old_due,
            new_next_due_date=service.next_due_date,
            fields=["refunded_amount"],
        )


def _switch_plan(service, plan, actor: Actor) -> list[str]:
    old_plan_id = service.plan_id
    price = plan_price(plan, channel_slug=service.channel_slug)
    service.plan = plan
    if price is not None and price.currency == service.currency:
        service.recurring_amount = price.amount
    service.pending_plan = None
    service_event_create(
        service=service,
        type=ServiceEventType.PLAN_CHANGED,
        actor=actor,
        old_plan_id=old_plan_id,
        new_plan_id=plan.pk,
        amount=service.recurring_amount,
    )
    queue_provisioning([service.pk], "change_plan")
    return ["plan", "recurring_amount", "pending_plan"]


def _apply_pending_plan(service, actor: Actor) -> list[str]:
    """A downgrade waits for the renewal it was priced into, then takes effect."""
    return _switch_plan(service, service.pending_plan, actor)


def _apply_upgrade(service, renewal, actor: Actor, today: date) -> None:
    """A paid upgrade switches plan and recurring amount at once (the period stays).

    A renewal already issued for the next period at the old price is superseded: it is
    voided and the period's renewal issued again at the new price.
    """
    if service.status in _BILLED and renewal.target_plan_id is not None:
        fields = _switch_plan(service, renewal.target_plan, actor)
        service.save(update_fields=[*fields, "updated_at"])
        reprice_next_renewal(service, actor=actor, today=today)
