"""The daily automation: set-based, batched, idempotent steps.

Each step claims due rows in batches (`FOR UPDATE SKIP LOCKED`, primary-key order, at
most BATCH_SIZE), changes them and writes their events with bulk statements in one
transaction per batch. Two workers running the same step at once never take the same
row; a worker killed mid-way leaves whole batches only, and the next run finishes the
rest. Conditions on other tables are re-checked after the claim, in a new statement, so
they see what a concurrent batch committed. Cost follows the due rows: every claim is an
index range scan on a status/date index.
"""

import functools
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from .actors import SYSTEM, Actor
from .billing.cycles import shift_by_cycles
from .billing.plan_prices import plan_prices
from .billing.renewal_states import PERIOD_RELEASED
from .bulk_sql import insert_rows, update_rows
from .conf import AUTOMATION_DAY_KEYS, get_settings
from .enums import (
    CancellationRequestStatus,
    RenewalKind,
    RenewalStatus,
    ServiceEventType,
    ServiceStatus,
    SuspensionCause,
)
from .events import build_event, service_events_create
from .host import get_host
from .lifecycle import change_status_many, end_pause, remove_on_termination, start_suspension
from .models import CancellationRequest, Renewal, Service, ServicePlan
from .reach import within_reach
from .transitions import ServiceAction
from .validation import clean_date

BATCH_SIZE = 1000
logger = logging.getLogger(__name__)

# A step yields (the rows it may take, what to do with a claimed batch of them).
Work = Iterator[tuple[QuerySet, Callable[[list], int]]]


# -- per-plan day offsets ---------------------------------------------------------


def plan_offsets(key: str) -> dict[int | tuple | None, list[int]]:
    """Plan ids grouped by their effective value of one automation setting."""
    assert key in AUTOMATION_DAY_KEYS
    default = getattr(get_settings(), key)
    groups: dict = defaultdict(list)
    for plan_id, overrides in ServicePlan.objects.values_list("pk", "automation_overrides"):
        value = overrides.get(key, default) if overrides else default
        groups[tuple(value) if isinstance(value, list) else value].append(plan_id)
    return groups


def _groups(key: str) -> Iterator[tuple[int, list[int]]]:
    """(days, plan ids) for every group whose setting is not "never"."""
    for days, plan_ids in plan_offsets(key).items():
        if days is not None:
            yield days, plan_ids


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def run_moment(today: date) -> datetime:
    """The moment a run for `today` writes (suspended, cancelled, terminated at): the
    run's day at AUTOMATION_TIME, whatever the wall clock says, so a run for day D
    writes the same rows on any day it runs."""
    return timezone.make_aware(datetime.combine(today, get_settings().AUTOMATION_TIME))


# -- batching -------------------------------------------------------------------------


def in_batches(
    queryset: QuerySet,
    process: Callable[[list], int],
    *,
    batch_size: int = BATCH_SIZE,
    step: str = "",
) -> int:
    """Claim and process rows batch by batch, moving forward by primary key.

    A batch that fails is rolled back and its rows are taken one at a time, so one bad
    row never stops the step for the others: the row that still fails is set aside for
    this run, logged and recorded on its service's activity log (AUTOMATION_FAILED).
    """
    done, last_pk = 0, 0
    while True:
        claimed: list[int] = []
        try:
            with transaction.atomic():
                rows = list(
                    queryset.filter(pk__gt=last_pk)
                    .select_for_update(skip_locked=True, of=("self",))
                    .order_by("pk")[:batch_size]
                )
                if not rows:
                    return done
                claimed = [row.pk for row in rows]
                done += process(rows)
        except Exception:
            if not claimed:
                raise
            done += _one_at_a_time(queryset, claimed, process, step)
        last_pk = claimed[-1]
        if len(claimed) < batch_size:
            return done


def _one_at_a_time(queryset: QuerySet, pks: list[int], process, step: str) -> int:
    done = 0
    for pk in pks:
        try:
            with transaction.atomic():
                rows = list(queryset.filter(pk=pk).select_for_update(skip_locked=True, of=("self",)))
                done += process(rows) if rows else 0
        except Exception as error:
            _record_failure(queryset.model, pk, step, error)
    return done


def _record_failure(model, pk: int, step: str, error: Exception) -> None:
    logger.exception("Daily automation step %s failed for %s %s", step, model.__name__, pk)
    service_id = pk if model is Service else model.objects.filter(pk=pk).values_list(
        "service_id", flat=True
    ).first()
    if service_id is None:
        return
    with transaction.atomic():
        service_events_create(
            [
                build_event(
                    service=Service(pk=service_id),
                    type=ServiceEventType.AUTOMATION_FAILED,
                    actor=SYSTEM,
                    email=False,
                    step=step,
                    error=f"{type(error).__name__}: {error}"[:1000],
                )
            ]
        )


# -- 1. renewals ------------------------------------------------------------------------


def _renewal_due(services: QuerySet) -> QuerySet:
    """Services whose next period has no renewal yet, and will not be cancelled by then."""
    return services.filter(
        status__in=[ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED], next_due_date__isnull=False
    ).exclude(
        Exists(
            Renewal.objects.filter(
                service=OuterRef("pk"), kind=RenewalKind.RENEWAL, period_start=OuterRef("next_due_date")
            ).exclude(status__in=PERIOD_RELEASED)
        )
    ).exclude(
        Exists(
            CancellationRequest.objects.filter(
                service=OuterRef("pk"),
                status=CancellationRequestStatus.APPROVED,
                effective_date__lte=OuterRef("next_due_date"),
            )
        )
    )


# What a renewal and its event are made from: claims load only these (thousands a day).
_RENEWAL_SOURCE_FIELDS = (
    "next_due_date",
    "billing_cycle",
    "billing_anchor_day",
    "paused_days",
    "recurring_amount",
    "currency",
    "user_email",
    "channel_slug",
    "pending_plan__price_amount",
    "pending_plan__currency",
    "pending_plan__variant_id",
)


def renewal_for(service: Service, today: date, prices: dict) -> Renewal:
    """The renewal of the service's next period (at a pending downgrade's price in the
    service's channel, from `prices` by (plan id, channel)). Issued late (after a resume
    or a refund), it falls due today, so the usual warning still comes before suspension."""
    plan = service.pending_plan
    price = prices.get((plan.pk, service.channel_slug)) if plan is not None else None
    downgrade = price is not None and price.currency == service.currency
    return Renewal(
        service=service,
        period_start=service.next_due_date,
        period_end=shift_by_cycles(
            service.next_due_date,
            service.billing_cycle,
            anchor_day=service.billing_anchor_day,
            paused_days=service.paused_days,
        ),
        amount=price.amount if downgrade else service.recurring_amount,
        currency=service.currency,
        due_date=max(service.next_due_date, today),
    )


def _create_renewals(services: list[Service], today: date) -> list[Renewal]:
    # Re-checked after the claim: a concurrent batch may have just committed some.
    fresh = set(
        _renewal_due(Service.objects.filter(pk__in=[s.pk for s in services])).values_list(
            "pk", flat=True
        )
    )
    due = [service for service in services if service.pk in fresh]
    downgrades = [s.pending_plan for s in due if s.pending_plan_id is not None]
    prices = plan_prices(downgrades, channel_slugs=[s.channel_slug for s in due]) if downgrades else {}
    renewals = insert_rows([renewal_for(service, today, prices) for service in due])
    from .billing.port import get_billing

    billing = get_billing()
    service_events_create(
        [
            build_event(
                service=renewal.service,
                type=ServiceEventType.RENEWAL_CREATED,
                actor=SYSTEM,
                # With a payable document to open, the e-mail waits for its link.
                email=not billing.opens_documents,
                renewal_id=renewal.pk,
                period_start=renewal.period_start,
                period_end=renewal.period_end,
                amount=renewal.amount,
                currency=renewal.currency,
                due_date=renewal.due_date,
            )
            for renewal in renewals
        ]
    )
    if billing.opens_documents and renewals:
        ids = [renewal.pk for renewal in renewals]
        transaction.on_commit(lambda: billing.open_documents_later(ids))
    return renewals


def generate_renewals(today: date) -> Work:
    for days, plan_ids in _groups("RENEWAL_DAYS_BEFORE"):
        due = _renewal_due(Service.objects.filter(plan_id__in=plan_ids)).filter(
            next_due_date__lte=today + timedelta(days=days)
        )
        yield (
            due.select_related("pending_plan").only(*_RENEWAL_SOURCE_FIELDS),
            lambda rows: len(_create_renewals(rows, today)),
        )


# -- 2. reminders and the suspension warning ----------------------------------------


def _open_renewals() -> QuerySet:
    """Open renewals of active services that will be served: none of a period an
    approved cancellation takes away (those are voided at approval; this is the guard)."""
    return (
        Renewal.objects.filter(
            kind=RenewalKind.RENEWAL, status=RenewalStatus.OPEN, service__status=ServiceStatus.ACTIVE
        )
        .exclude(
            Exists(
                CancellationRequest.objects.filter(
                    service=OuterRef("service_id"),
                    status=CancellationRequestStatus.APPROVED,
                    effective_date__lte=OuterRef("period_start"),
                )
            )
        )
        .select_related("service")
        # Reminders and warnings need the renewal's dates and the address (for the e-mail).
        .only("due_date", "reminders_sent", "suspension_warning_sent", "service__user_email")
    )


def _send_reminders(renewals: list[Renewal], offsets: tuple[int, ...], today: date) -> int:
    events = []
    for renewal in renewals:
        days_left = (renewal.due_date - today).days
        due_offsets = [o for o in offsets if days_left <= o and o not in renewal.reminders_sent]
        if not due_offsets:
            continue
        # A missed day sends the closest reminder once, not every reminder skipped.
        renewal.reminders_sent = sorted({*renewal.reminders_sent, *due_offsets}, reverse=True)
        events.append(
            build_event(
                service=renewal.service,
                type=ServiceEventType.RENEWAL_REMINDER,
                actor=SYSTEM,
                renewal_id=renewal.pk,
                days_before=min(due_offsets),
                due_date=renewal.due_date,
            )
        )
    update_rows(renewals, ["reminders_sent"])
    service_events_create(events)
    return len(events)


def send_reminders(today: date) -> Work:
    for offsets, plan_ids in _groups("REMINDER_DAYS_BEFORE"):
        if not offsets:
            continue
        due = _open_renewals().filter(
            service__plan_id__in=plan_ids,
            due_date__gte=today,
            due_date__lte=today + timedelta(days=max(offsets)),
        ).exclude(reminders_sent__contains=list(offsets))
        yield due, lambda rows, offsets=offsets: _send_reminders(rows, offsets, today)


def _by_warning(plan_ids: list[int], key: str) -> dict[int, list[int]]:
    """The plans split by their warning offset `key`; plans never warned are left out."""
    offsets = {plan_id: days for days, plans in plan_offsets(key).items() for plan_id in plans}
    groups = defaultdict(list)
    for plan_id in plan_ids:
        if offsets.get(plan_id) is not None:
            groups[offsets[plan_id]].append(plan_id)
    return groups


def _warn_suspension(renewals: list[Renewal], grace: int, today: date) -> int:
    for renewal in renewals:
        renewal.suspension_warning_sent = True
    update_rows(renewals, ["suspension_warning_sent"])
    service_events_create(
        [
            build_event(
                service=renewal.service,
                type=ServiceEventType.SUSPENSION_WARNING,
                actor=SYSTEM,
                renewal_id=renewal.pk,
                suspension_date=renewal.due_date + timedelta(days=grace),
                # The e-mail's "in N days" is this run's count, not the setting's.
                days_before=(renewal.due_date + timedelta(days=grace) - today).days,
            )
            for renewal in renewals
        ]
    )
    return len(renewals)


def warn_before_suspension(today: date) -> Work:
    for grace, grace_plans in _groups("GRACE_DAYS"):
        for warning, plan_ids in _by_warning(grace_plans, "SUSPENSION_WARNING_DAYS_BEFORE").items():
            # Suspension falls on due + grace; warn from `warning` days before it.
            due = _open_renewals().filter(
                service__plan_id__in=plan_ids,
                suspension_warning_sent=False,
                due_date__lte=today - timedelta(days=grace - warning),
                due_date__gt=today - timedelta(days=grace),
            )
            yield due, lambda rows, grace=grace: _warn_suspension(rows, grace, today)


# -- 3. suspension for non-payment ---------------------------------------------------


def _suspend_overdue(services: list[Service], cutoff: date, today: date) -> int:
    overdue = set(
        Renewal.objects.filter(
            service__in=services, kind=RenewalKind.RENEWAL, status=RenewalStatus.OPEN, due_date__lte=cutoff
        ).values_list("service_id", flat=True)
    )
    reason, cause = "Overdue renewal invoice", SuspensionCause.NON_PAYMENT
    return len(
        change_status_many(
            [s for s in services if s.pk in overdue],
            action=ServiceAction.SUSPEND,
            actor=SYSTEM,
            event_type=ServiceEventType.SUSPENDED,
            apply=start_suspension(reason=reason, cause=cause, at=run_moment(today)),
            reason=reason,
            cause=cause,
        )
    )


def suspend_overdue(today: date) -> Work:
    for grace, plan_ids in _groups("GRACE_DAYS"):
        cutoff = today - timedelta(days=grace)
        # Driven from the open renewals' partial index: cost follows what is overdue.
        overdue = Renewal.objects.filter(
            kind=RenewalKind.RENEWAL, status=RenewalStatus.OPEN, due_date__lte=cutoff
        ).values("service_id")
        due = Service.objects.filter(
            plan_id__in=plan_ids, status=ServiceStatus.ACTIVE, pk__in=overdue
        )
        yield due, lambda rows, cutoff=cutoff: _suspend_overdue(rows, cutoff, today)


# -- 4. end-of-period cancellations --------------------------------------------------


def _apply_cancellations(services: list[Service], today: date) -> int:
    requests = {
        r.service_id: r
        for r in CancellationRequest.objects.filter(
            service__in=services, status=CancellationRequestStatus.APPROVED, effective_date__lte=today
        )
    }
    now = run_moment(today)

    def apply(service: Service, parameters: dict) -> list[str]:
        service.cancelled_at = now
        parameters["request_id"] = requests[service.pk].pk
        parameters["reason"] = requests[service.pk].reason
        return ["cancelled_at"]

    return len(
        change_status_many(
            [s for s in services if s.pk in requests],
            action=ServiceAction.CANCEL,
            actor=SYSTEM,
            event_type=ServiceEventType.CANCELLED,
            apply=apply,
        )
    )


def apply_cancellations(today: date) -> Work:
    approved = CancellationRequest.objects.filter(
        status=CancellationRequestStatus.APPROVED, effective_date__lte=today
    ).values("service_id")
    yield Service.objects.filter(pk__in=approved), lambda rows: _apply_cancellations(rows, today)


# -- 5. resume paused services -------------------------------------------------------


def issue_renewals(service_ids: list[int], today: date) -> int:
    """Renewals due now for these (locked) services, at once rather than at the next
    run: a resumed service gets its shifted period's renewal when it resumes."""
    issued = 0
    for queryset, process in generate_renewals(today):
        rows = list(queryset.filter(pk__in=service_ids).order_by("pk"))
        if rows:
            issued += process(rows)
    return issued


def _resume(services: list[Service], today: date) -> int:
    def apply(service: Service, parameters: dict) -> list[str]:
        return end_pause(service, parameters, today=today)

    resumed = change_status_many(
        services,
        action=ServiceAction.RESUME,
        actor=SYSTEM,
        event_type=ServiceEventType.RESUMED,
        apply=apply,
    )
    issue_renewals([service.pk for service in resumed], today)
    return len(resumed)


def resume_paused(today: date) -> Work:
    due = Service.objects.filter(status=ServiceStatus.PAUSED, resume_on__lte=today)
    yield due, lambda rows: _resume(rows, today)


# -- 6. termination -----------------------------------------------------------------


@dataclass(frozen=True)
class _Ending:
    status: ServiceStatus
    since: str  # the timestamp field the countdown starts from
    setting: str
    extra: Q = field(default_factory=Q)


ENDINGS = (
    _Ending(
        ServiceStatus.SUSPENDED,
        "suspended_at",
        "TERMINATE_SUSPENDED_AFTER_DAYS",
        Q(suspension_cause=SuspensionCause.NON_PAYMENT),
    ),
    _Ending(ServiceStatus.CANCELLED, "cancelled_at", "TERMINATE_CANCELLED_AFTER_DAYS"),
)


def _ending_queryset(ending: _Ending, plan_ids: list[int], before_day: date) -> QuerySet:
    return Service.objects.filter(
        ending.extra,
        plan_id__in=plan_ids,
        status=ending.status,
        **{f"{ending.since}__lt": _start_of(before_day)},
    )


def warn_before_termination(today: date) -> Work:
    for ending in ENDINGS:
        for after, plan_ids in _groups(ending.setting):
            for warning, plans in _by_warning(plan_ids, "TERMINATION_WARNING_DAYS_BEFORE").items():
                # Termination falls on since + after; warn from `warning` days before.
                due = _ending_queryset(
                    ending, plans, today - timedelta(days=after - warning) + timedelta(days=1)
                ).filter(termination_warning_sent=False)
                yield due, lambda rows, after=after, ending=ending: _warn_termination(
                    rows, ending, after, today
                )


def _warn_termination(services: list[Service], ending: _Ending, after: int, today: date) -> int:
    for service in services:
        service.termination_warning_sent = True
    update_rows(services, ["termination_warning_sent"])
    service_events_create(
        [
            build_event(
                service=service,
                type=ServiceEventType.TERMINATION_WARNING,
                actor=SYSTEM,
                termination_date=timezone.localdate(getattr(service, ending.since))
                + timedelta(days=after),
                days_before=(
                    timezone.localdate(getattr(service, ending.since)) + timedelta(days=after) - today
                ).days,
            )
            for service in services
        ]
    )
    return len(services)


def terminate_ended(today: date) -> Work:
    for ending in ENDINGS:
        for after, plan_ids in _groups(ending.setting):
            due = _ending_queryset(ending, plan_ids, today - timedelta(days=after) + timedelta(days=1))
            yield (
                due,
                lambda rows, ending=ending: len(
                    change_status_many(
                        rows,
                        action=ServiceAction.TERMINATE,
                        actor=SYSTEM,
                        event_type=ServiceEventType.TERMINATED,
                        apply=functools.partial(remove_on_termination, at=run_moment(today)),
                        reason=f"{ending.status.label} for too long",
                    )
                ),
            )


# -- the whole run ---------------------------------------------------------------------

STEPS: dict[str, Callable[[date], Work]] = {
    "generate_renewals": generate_renewals,
    "send_reminders": send_reminders,
    "warn_before_suspension": warn_before_suspension,
    "suspend_overdue": suspend_overdue,
    "apply_cancellations": apply_cancellations,
    "resume_paused": resume_paused,
    "warn_before_termination": warn_before_termination,
    "terminate_ended": terminate_ended,
}


def run_step(name: str, today: date) -> int:
    """One step; returns how many rows it changed. The host may add steps of its own
    (inside Saleor: reconciliation); each takes `today` and returns a count."""
    host_steps = get_host().automation_steps()
    if name in host_steps:
        return host_steps[name](today)
    return sum(
        in_batches(queryset, process, step=name) for queryset, process in STEPS[name](today)
    )


def run_daily_automation(today: date | None = None) -> dict[str, int]:
    """Every step in order; returns how many rows each one changed. A step that fails
    as a whole is logged and the run goes on with the next (its rows wait for the
    next run)."""
    today = today or timezone.localdate()
    done = {}
    for name in [*STEPS, *get_host().automation_steps()]:
        try:
            done[name] = run_step(name, today)
        except Exception as error:
            logger.exception("Daily automation step %s failed for %s", name, today)
            _alert_step_failed(name, today, error)
            done[name] = 0
    return done


def _alert_step_failed(name: str, today: date, error: Exception) -> None:
    from .notifications import automation_step_failed

    try:
        with transaction.atomic():
            automation_step_failed(step=name, today=today, error=error)
    except Exception:
        logger.exception("Could not raise the staff alert for step %s", name)


PREVIEW_LIMIT = 100


def preview(today: date | None = None, *, actor: Actor = SYSTEM) -> dict[str, dict]:
    """What each step would take up today, changing nothing: its candidate services
    (those `actor` may reach).

    Counts are of candidates; a step still re-checks each one when it runs.
    """
    today = clean_date(today or timezone.localdate(), field="date")
    result = {}
    for name, step in STEPS.items():
        service_ids: set[int] = set()
        for queryset, _process in step(today):
            column, through = ("service_id", "service__") if queryset.model is Renewal else ("pk", "")
            queryset = within_reach(queryset, actor, through=through)
            service_ids.update(queryset.order_by().values_list(column, flat=True))
        result[name] = {"count": len(service_ids), "service_ids": sorted(service_ids)[:PREVIEW_LIMIT]}
    return result
