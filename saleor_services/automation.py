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
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from .actors import SYSTEM, Actor
from .billing.cycles import MONTHS_PER_CYCLE
from .billing.plan_prices import plan_prices
from .billing.renewal_states import PERIOD_RELEASED
from .bulk_sql import insert_select, write_with_events
from .conf import AUTOMATION_DAY_KEYS, get_settings
from .enums import (
    CancellationRequestStatus,
    RenewalKind,
    RenewalStatus,
    ServiceEventType,
    ServiceStatus,
    SuspensionCause,
)
from .events import EMAIL_EVENTS, build_event, service_events_create
from .host import get_host
from .lifecycle import change_status_set, end_pause, remove_on_termination, start_suspension
from .models import CancellationRequest, Renewal, Service, ServicePlan
from .reach import within_reach
from .transitions import ServiceAction
from .validation import clean_date

# Rows per batch: each claim reads what is still due of its step, so fewer, larger
# batches read less; a batch is one transaction of one statement or a few.
BATCH_SIZE = 5000
logger = logging.getLogger(__name__)

# A step yields (the rows it may take, what to do with a claimed batch of them).
Work = Iterator[tuple[QuerySet, Callable[[list], int]]]


# -- per-plan day offsets ---------------------------------------------------------


# The plans' overrides as a whole daily run read them at its start: every step groups
# the plans by one setting, and one read serves them all (a step run on its own reads
# them itself).
_RUN_PLANS: ContextVar[list | None] = ContextVar("saleor_services_run_plans", default=None)


def _plan_overrides() -> list:
    plans = _RUN_PLANS.get()
    if plans is None:
        plans = list(ServicePlan.objects.values_list("pk", "automation_overrides"))
    return plans


def plan_offsets(key: str) -> dict[int | tuple | None, list[int]]:
    """Plan ids grouped by their effective value of one automation setting."""
    assert key in AUTOMATION_DAY_KEYS
    default = getattr(get_settings(), key)
    groups: dict = defaultdict(list)
    for plan_id, overrides in _plan_overrides():
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
    batch_size: int | None = None,
    step: str = "",
) -> int:
    """Claim and process rows batch by batch, moving forward by primary key.

    A batch that fails is rolled back and its rows are taken one at a time, so one bad
    row never stops the step for the others: the row that still fails is set aside for
    this run, logged and recorded on its service's activity log (AUTOMATION_FAILED).
    """
    batch_size = batch_size or BATCH_SIZE
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


# What a claim loads: the renewals themselves are written by one statement from the rows.
_RENEWAL_CLAIM_FIELDS = ("channel_slug", "pending_plan_id")
# The columns that statement reads from a re-checked service row.
_RENEWAL_SOURCE_COLUMNS = (
    "id", "next_due_date", "billing_anchor_day", "paused_days", "billing_cycle", "recurring_amount", "currency",
    "user_email", "pending_plan_id", "channel_slug",
)

# `shift_by_cycles` in SQL (billing/cycles.py): the pause shift taken off, the cycles
# added on the anchor day (or the month's last day), the shift put back. In date and
# integer arithmetic only: a month is an index (year * 12 + month - 1), its length the
# days to the next month's first. A row the Python calendar could not hold (an unknown
# cycle, a year outside 1–9999) gives NULL or an error: the batch fails and the row is
# set aside, as before.
_PERIOD_END = """
    CASE WHEN ends.day BETWEEN DATE '0001-01-01' AND DATE '9999-12-31' THEN ends.day END"""
_SHIFTED = """(
    SELECT months.first_day + (LEAST(s.billing_anchor_day, months.next_first_day - months.first_day) - 1)
           + s.paused_days AS day
    FROM (SELECT make_date(m.i / 12, m.i %% 12 + 1, 1) AS first_day,
                 make_date((m.i + 1) / 12, (m.i + 1) %% 12 + 1, 1) AS next_first_day
          FROM (SELECT date_part('year', s.next_due_date - s.paused_days)::int * 12
                       + date_part('month', s.next_due_date - s.paused_days)::int - 1
                       + (CASE s.billing_cycle {cycles} END) AS i) m) months
    -- Kept a subquery (not flattened), so the day is computed once a row, not once
    -- for each use of it in _PERIOD_END (three).
    OFFSET 0
  )"""


def _create_renewals(services: list, today: date) -> list[int]:
    """The renewals of the claimed services' next periods and their RENEWAL_CREATED
    events, written by one statement from the service rows (no row is read into Python).

    The same rows as `renewal_for` would make: the due re-check runs in the statement
    (after the claim, so it sees what a concurrent batch committed), a pending downgrade
    is billed at its price in the service's channel (same currency only), a renewal
    issued late falls due today. Returns the new renewals' ids, in service order.
    """
    from .billing.port import get_billing
    from .notifications.outbox import deliver_emails_after_commit

    if not services:
        return []
    ids = [service.pk for service in services]
    downgrade_plan_ids = {s.pending_plan_id for s in services if s.pending_plan_id is not None}
    prices = []
    if downgrade_plan_ids:
        plans = list(ServicePlan.objects.filter(pk__in=downgrade_plan_ids))
        found = plan_prices(plans, channel_slugs=[s.channel_slug for s in services])
        prices = [(plan_id, channel, str(price.amount), price.currency) for (plan_id, channel), price in found.items()]
    billing = get_billing()
    recheck_sql, recheck_params = (
        # The ids as one array parameter, not a placeholder each (the driver splits and
        # quotes every placeholder in Python).
        _renewal_due(Service.objects.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", (ids,))))
        # The re-checked rows are the statement's source (not looked up again by id).
        .values(*_RENEWAL_SOURCE_COLUMNS)
        .query.sql_with_params()
    )
    cycles = " ".join(f"WHEN '{cycle.value}' THEN {months}" for cycle, months in MONTHS_PER_CYCLE.items())
    price_rows = (
        "SELECT * FROM UNNEST(%s::bigint[], %s::text[], %s::text[], %s::text[]) "
        "AS p(plan_id, channel_slug, amount_text, currency)"
    )
    source = f"""
        SELECT s.id AS service_id, s.next_due_date AS period_start,
               {_PERIOD_END} AS period_end,
               COALESCE(p.amount_text, s.recurring_amount::text) AS amount_text,
               s.currency, GREATEST(s.next_due_date, %s::date) AS due_date, s.user_email
        FROM ({recheck_sql}) s
        CROSS JOIN LATERAL {_SHIFTED.format(cycles=cycles)} ends
        LEFT JOIN ({price_rows}) p
          ON p.plan_id = s.pending_plan_id AND p.channel_slug = s.channel_slug AND p.currency = s.currency
        ORDER BY s.id"""
    params = [
        today,
        *recheck_params,
        [row[0] for row in prices], [row[1] for row in prices], [row[2] for row in prices],
        [row[3] for row in prices],
    ]
    email = not billing.opens_documents and ServiceEventType.RENEWAL_CREATED in EMAIL_EVENTS
    renewal_ids, emails_owed = insert_select(
        Renewal,
        source,
        params,
        columns={
            "service_id": "service_id", "period_start": "period_start", "period_end": "period_end",
            "amount": "amount_text::numeric", "currency": "currency", "due_date": "due_date",
        },
        event=ServiceEventType.RENEWAL_CREATED,
        event_parameters="""jsonb_build_object(
            'renewal_id', new.id, 'period_start', src.period_start, 'period_end', src.period_end,
            'amount', src.amount_text, 'currency', src.currency, 'due_date', src.due_date)""",
        email_owed="src.user_email <> ''" if email else "false",
    )
    if emails_owed:
        deliver_emails_after_commit()
    if billing.opens_documents and renewal_ids:
        transaction.on_commit(lambda: billing.open_documents_later(renewal_ids))
    return renewal_ids


def generate_renewals(today: date) -> Work:
    for days, plan_ids in _groups("RENEWAL_DAYS_BEFORE"):
        due = _renewal_due(Service.objects.filter(plan_id__in=plan_ids)).filter(
            next_due_date__lte=today + timedelta(days=days)
        )
        yield (
            # Claimed as named tuples (no model instances): the statement reads the rows.
            due.values_list("pk", *_RENEWAL_CLAIM_FIELDS, named=True),
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


def _claimed_renewals(columns: str) -> str:
    """A source of the claimed renewals (ids: the statement's last parameter) joined to
    their services (`r`, `s`), with `columns` over them."""
    return f"""SELECT r.id, r.service_id, s.user_email, {columns}
               FROM saleor_services_renewal r JOIN saleor_services_service s ON s.id = r.service_id
               WHERE r.id = ANY(%s::bigint[])"""


def _send_reminders(renewals: list, offsets: tuple[int, ...], today: date) -> int:
    """The reminders due for these claimed renewals, in one statement: a renewal gets
    the offsets it has reached and not yet had (a missed day sends the closest one once,
    not every one skipped), written into `reminders_sent` (newest first), and one
    RENEWAL_REMINDER event counting the days from the closest offset."""
    from .notifications.outbox import deliver_emails_after_commit

    if not renewals:
        return 0
    source = _claimed_renewals(
        """r.due_date, r.reminders_sent,
           ARRAY(SELECT o FROM unnest(%s::int[]) o
                 WHERE (r.due_date - %s::date) <= o AND NOT r.reminders_sent @> to_jsonb(o)) AS due_offsets""",
    )
    change = """
        UPDATE saleor_services_renewal r SET reminders_sent = (
            SELECT jsonb_agg(to_jsonb(x) ORDER BY x DESC) FROM (
              SELECT (e #>> '{}')::numeric AS x FROM jsonb_array_elements(src.reminders_sent) e
              UNION SELECT unnest(src.due_offsets)) sent)
        FROM src WHERE r.id = src.id AND cardinality(src.due_offsets) > 0
        RETURNING r.id, r.service_id, src.user_email, src.due_date,
                  (SELECT min(o) FROM unnest(src.due_offsets) o) AS days_before"""
    email = ServiceEventType.RENEWAL_REMINDER in EMAIL_EVENTS
    written = write_with_events(
        source,
        [list(offsets), today, [renewal.pk for renewal in renewals]],
        change=change,
        change_params=[],
        join=None,
        event=ServiceEventType.RENEWAL_REMINDER,
        event_parameters="""jsonb_build_object(
            'renewal_id', new.id, 'days_before', new.days_before, 'due_date', new.due_date)""",
        email_owed="new.user_email <> ''" if email else "false",
    )
    if written.emails_owed:
        deliver_emails_after_commit()
    return len(written.ids)


def send_reminders(today: date) -> Work:
    for offsets, plan_ids in _groups("REMINDER_DAYS_BEFORE"):
        if not offsets:
            continue
        due = _open_renewals().filter(
            service__plan_id__in=plan_ids,
            due_date__gte=today,
            due_date__lte=today + timedelta(days=max(offsets)),
        ).exclude(reminders_sent__contains=list(offsets))
        # The claim takes ids only: the reminder statement reads the rows itself.
        claim = due.select_related(None).values_list("pk", named=True)
        yield claim, lambda rows, offsets=offsets: _send_reminders(rows, offsets, today)


def _by_warning(plan_ids: list[int], key: str) -> dict[int, list[int]]:
    """The plans split by their warning offset `key`; plans never warned are left out."""
    offsets = {plan_id: days for days, plans in plan_offsets(key).items() for plan_id in plans}
    groups = defaultdict(list)
    for plan_id in plan_ids:
        if offsets.get(plan_id) is not None:
            groups[offsets[plan_id]].append(plan_id)
    return groups


def _warn_suspension(renewals: list, grace: int, today: date) -> int:
    """The suspension warnings of these claimed renewals, in one statement: the renewal
    marked warned, and a SUSPENSION_WARNING event with the suspension's date
    and this run's count of days to it (the e-mail's "in N days", not the setting's)."""
    return _flag_with_events(
        _claimed_renewals("r.due_date + %s AS suspension_date, r.due_date + %s - %s::date AS days_before"),
        [grace, grace, today, [renewal.pk for renewal in renewals]],
        table="saleor_services_renewal",
        flag="suspension_warning_sent",
        event=ServiceEventType.SUSPENSION_WARNING,
        event_columns=("suspension_date", "days_before"),
        event_parameters="""jsonb_build_object(
            'renewal_id', new.id, 'suspension_date', new.suspension_date, 'days_before', new.days_before)""",
    )


def _flag_with_events(
    source: str,
    params: list,
    *,
    table: str,
    flag: str,
    event: ServiceEventType,
    event_columns: tuple[str, ...],
    event_parameters: str,
) -> int:
    """Set a warning's flag on the source's rows (`src.id` of `table`) and write their
    events (`event_parameters` over the flagged rows `new`, which carry the source's
    `event_columns`), in one statement; returns how many were warned."""
    from .notifications.outbox import deliver_emails_after_commit

    carried = "".join(f", src.{column}" for column in event_columns)
    written = write_with_events(
        source,
        params,
        change=(
            f"UPDATE {table} t SET {flag} = true FROM src WHERE t.id = src.id "
            f"RETURNING t.id, src.service_id, src.user_email{carried}"
        ),
        change_params=[],
        join=None,
        event=event,
        event_parameters=event_parameters,
        email_owed="new.user_email <> ''" if event in EMAIL_EVENTS else "false",
    )
    if written.emails_owed:
        deliver_emails_after_commit()
    return len(written.ids)


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
            # The claim takes ids only: the warning statement reads the rows itself.
            claim = due.select_related(None).values_list("pk", named=True)
            yield claim, lambda rows, grace=grace: _warn_suspension(rows, grace, today)


# -- 3. suspension for non-payment ---------------------------------------------------


def _suspend_overdue(services: list, cutoff: date, today: date) -> int:
    overdue = set(
        Renewal.objects.filter(
            service_id__in=[s.pk for s in services], kind=RenewalKind.RENEWAL, status=RenewalStatus.OPEN,
            due_date__lte=cutoff,
        ).values_list("service_id", flat=True)
    )
    reason, cause = "Overdue renewal invoice", SuspensionCause.NON_PAYMENT
    return len(
        change_status_set(
            [s.pk for s in services if s.pk in overdue],
            action=ServiceAction.SUSPEND,
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
        due = Service.objects.filter(plan_id__in=plan_ids, status=ServiceStatus.ACTIVE, pk__in=overdue)
        # Claimed as ids: the suspension is one statement over the rows.
        yield due.values_list("pk", named=True), lambda rows, cutoff=cutoff: _suspend_overdue(rows, cutoff, today)


# -- 4. end-of-period cancellations --------------------------------------------------


def _apply_cancellations(services: list, today: date) -> int:
    requests = {
        r.service_id: r
        for r in CancellationRequest.objects.filter(
            service_id__in=[s.pk for s in services],
            status=CancellationRequestStatus.APPROVED,
            effective_date__lte=today,
        ).only("pk", "service_id", "reason")
    }
    now = run_moment(today)

    def apply(service: Service, parameters: dict) -> list[str]:
        service.cancelled_at = now
        parameters["request_id"] = requests[service.pk].pk
        parameters["reason"] = requests[service.pk].reason
        return ["cancelled_at"]

    return len(
        change_status_set(
            list(requests),
            action=ServiceAction.CANCEL,
            event_type=ServiceEventType.CANCELLED,
            apply=apply,
        )
    )


def apply_cancellations(today: date) -> Work:
    approved = CancellationRequest.objects.filter(
        status=CancellationRequestStatus.APPROVED, effective_date__lte=today
    ).values("service_id")
    # Claimed as ids: the cancellation is one statement over the rows.
    yield Service.objects.filter(pk__in=approved).values_list("pk", named=True), lambda rows: _apply_cancellations(
        rows, today
    )


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


def _resume(services: list, today: date) -> int:
    resumed = change_status_set(
        [service.pk for service in services],
        action=ServiceAction.RESUME,
        event_type=ServiceEventType.RESUMED,
        apply=lambda service, parameters: end_pause(service, parameters, today=today),
        reads=("paused_at", "next_due_date", "paused_days"),
    )
    issue_renewals(resumed, today)
    return len(resumed)


def resume_paused(today: date) -> Work:
    due = Service.objects.filter(status=ServiceStatus.PAUSED, resume_on__lte=today)
    # Claimed as ids: the resume is one statement over the rows.
    yield due.values_list("pk", named=True), lambda rows: _resume(rows, today)


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
                # Claimed as ids: the warning statement reads the rows itself.
                yield due.values_list("pk", named=True), lambda rows, after=after, ending=ending: (
                    _warn_termination(rows, ending, after, today)
                )


def _warn_termination(services: list, ending: _Ending, after: int, today: date) -> int:
    """The termination warnings of these claimed services, in one statement: the service
    marked warned, and a TERMINATION_WARNING event with the termination's
    date (`after` days from the local day the countdown started) and the days to it."""
    since = connection.ops.quote_name(Service._meta.get_field(ending.since).column)
    ends = f"(s.{since} AT TIME ZONE %s)::date + %s"
    zone = timezone.get_current_timezone_name()
    return _flag_with_events(
        f"""SELECT s.id, s.id AS service_id, s.user_email, {ends} AS termination_date,
                   {ends} - %s::date AS days_before
            FROM saleor_services_service s WHERE s.id = ANY(%s::bigint[])""",
        [zone, after, zone, after, today, [service.pk for service in services]],
        table="saleor_services_service",
        flag="termination_warning_sent",
        event=ServiceEventType.TERMINATION_WARNING,
        event_columns=("termination_date", "days_before"),
        event_parameters="jsonb_build_object('termination_date', new.termination_date, 'days_before', new.days_before)",
    )


def terminate_ended(today: date) -> Work:
    for ending in ENDINGS:
        for after, plan_ids in _groups(ending.setting):
            due = _ending_queryset(ending, plan_ids, today - timedelta(days=after) + timedelta(days=1))
            yield (
                # Claimed as ids: the termination is one statement over the rows.
                due.values_list("pk", named=True),
                lambda rows, ending=ending: len(
                    change_status_set(
                        [row.pk for row in rows],
                        action=ServiceAction.TERMINATE,
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
    plans = _RUN_PLANS.set(list(ServicePlan.objects.values_list("pk", "automation_overrides")))
    try:
        for name in [*STEPS, *get_host().automation_steps()]:
            try:
                done[name] = run_step(name, today)
            except Exception as error:
                logger.exception("Daily automation step %s failed for %s", name, today)
                _alert_step_failed(name, today, error)
                done[name] = 0
    finally:
        _RUN_PLANS.reset(plans)
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
