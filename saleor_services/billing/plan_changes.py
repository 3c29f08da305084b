"""Upgrades and downgrades between a plan's allowed targets, prorated by the day.

The quote is exact decimal arithmetic in the service's currency: the price difference
times the share of the current period still to run. An upgrade opens a payable charge
for it and switches when paid; a downgrade takes effect at the next renewal.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..actors import Actor
from ..enums import RenewalKind, RenewalStatus, ServiceEventType, ServiceStatus
from ..errors import ServiceError, ServiceErrorCode
from ..events import service_event_create
from ..lifecycle import lock_service
from ..models import Renewal, Service, ServicePlan
from ..reach import within_reach
from .cycles import is_recurring, shift_by_cycles
from .plan_prices import plan_price
from .proration import prorate
from .voiding import reprice_next_renewal


@dataclass(frozen=True)
class PlanChangeQuote:
    target_plan: ServicePlan
    current_amount: Decimal
    new_amount: Decimal
    currency: str
    period_start: date
    period_end: date
    days_left: int
    days_in_period: int
    prorated_amount: Decimal  # > 0: to pay now (upgrade); <= 0: downgrade at renewal

    @property
    def is_upgrade(self) -> bool:
        return self.prorated_amount > 0


def _refuse(code: ServiceErrorCode, message: str, field: str | None = None) -> ServiceError:
    return ServiceError(code, message, field=field)


def plan_change_quote(service: Service, target_plan_id: int, *, today: date) -> PlanChangeQuote:
    if service.status != ServiceStatus.ACTIVE:
        raise _refuse(ServiceErrorCode.INVALID_TRANSITION, "Only an active service can change plan.", "status")
    target = service.plan.change_targets.filter(pk=target_plan_id).first()
    if target is None:
        raise _refuse(
            ServiceErrorCode.NOT_ALLOWED_BY_PLAN, "The service cannot change to that plan.", "plan"
        )
    price = plan_price(target, channel_slug=service.channel_slug)
    if price is None or price.currency != service.currency:
        raise _refuse(ServiceErrorCode.INVALID, f"That plan has no price in {service.currency}.", "plan")
    if not is_recurring(service.billing_cycle) or service.next_due_date is None:
        raise _refuse(ServiceErrorCode.INVALID, "A one-time service cannot change plan.", "plan")
    period_end = service.next_due_date
    period_start = shift_by_cycles(
        period_end,
        service.billing_cycle,
        anchor_day=service.billing_anchor_day,
        paused_days=service.paused_days,
        count=-1,
    )
    days_in_period = (period_end - period_start).days
    days_left = min(max((period_end - today).days, 0), days_in_period)
    difference = price.amount - service.recurring_amount
    prorated = prorate(
        difference, currency=service.currency, days_left=days_left, days_in_period=days_in_period
    )
    return PlanChangeQuote(
        target_plan=target,
        current_amount=service.recurring_amount,
        new_amount=price.amount,
        currency=service.currency,
        period_start=period_start,
        period_end=period_end,
        days_left=days_left,
        days_in_period=days_in_period,
        prorated_amount=prorated,
    )


def service_change_plan_preview(
    *, service_id: int, target_plan_id: int, actor: Actor, today: date | None = None
) -> PlanChangeQuote:
    found = within_reach(Service.objects.select_related("plan"), actor).filter(pk=service_id).first()
    if found is None:
        raise _refuse(ServiceErrorCode.NOT_FOUND, "Service not found.", "id")
    return plan_change_quote(found, target_plan_id, today=today or timezone.localdate())


def service_change_plan(
    *, service_id: int, target_plan_id: int, actor: Actor, today: date | None = None
) -> tuple[Service, PlanChangeQuote, Renewal | None]:
    """Upgrade: a charge to pay now (the switch follows payment). Downgrade: at renewal."""
    today = today or timezone.localdate()
    with transaction.atomic():
        service = lock_service(service_id, actor=actor)
        quote = plan_change_quote(service, target_plan_id, today=today)
        open_upgrade = Renewal.objects.filter(
            service=service, kind=RenewalKind.UPGRADE, status=RenewalStatus.OPEN
        )
        if open_upgrade.exists() or service.pending_plan_id is not None:
            raise _refuse(ServiceErrorCode.ALREADY_REQUESTED, "A plan change is already under way.")
        charge = None
        if quote.is_upgrade:
            charge = Renewal.objects.create(
                service=service,
                kind=RenewalKind.UPGRADE,
                target_plan=quote.target_plan,
                period_start=today,
                period_end=quote.period_end,
                amount=quote.prorated_amount,
                currency=quote.currency,
                due_date=today,
            )
        else:
            service.pending_plan = quote.target_plan
            service.save(update_fields=["pending_plan", "updated_at"])
        service_event_create(
            service=service,
            type=ServiceEventType.PLAN_CHANGE_REQUESTED,
            actor=actor,
            old_plan_id=service.plan_id,
            new_plan_id=quote.target_plan.pk,
            prorated_amount=quote.prorated_amount,
            renewal_id=charge.pk if charge else None,
            takes_effect="on payment" if charge else "at the next renewal",
        )
        if charge is None:
            reprice_next_renewal(service, actor=actor, today=today)
    if charge is not None:
        from .port import get_billing

        billing = get_billing()
        if billing.opens_documents:
            transaction.on_commit(lambda: billing.open_documents_later([charge.pk]))
    return service, quote, charge
