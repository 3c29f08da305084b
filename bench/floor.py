"""The SQL floor of the bench day: the daily run's changes as one set-based statement per
step (each `WITH changed AS (UPDATE/INSERT … RETURNING) INSERT INTO events …`), written
by hand for the bench dataset (default settings, no plan overrides).

What a statement cannot do is left out: no claims in batches, no re-checks after a
claim, no e-mails queued after commit, no per-plan prices or provisioner calls. It writes
the rows the run writes, row for row (renewals, reminders and warnings, status changes,
the requests carried out, one event each with the run's parameters and e-mail status):
bench/run.py checks that with bench/same_changes.py before timing either. So the run's
time over the floor's is what the package's safety and Python cost. `floor_day()` returns
the changes per step, as the run does.
"""

from datetime import date, datetime, time, timedelta

from django.db import connection
from django.utils import timezone

from saleor_services.conf import get_settings

_EVENT = (
    "INSERT INTO saleor_services_serviceevent "
    "(date, type, actor_type, parameters, email_status, email_attempts, email_error, service_id) "
    "SELECT %(now)s, '{type}', 'SYSTEM', {parameters}, '{email}', 0, '', service_id FROM changed"
)
_CYCLE_MONTHS = "CASE billing_cycle WHEN 'MONTHLY' THEN 1 WHEN 'QUARTERLY' THEN 3 WHEN 'SEMIANNUALLY' THEN 6 " \
    "WHEN 'ANNUALLY' THEN 12 WHEN 'BIENNIALLY' THEN 24 ELSE 36 END"
_NOT_CANCELLED_BY = (
    "NOT EXISTS (SELECT 1 FROM saleor_services_cancellationrequest c WHERE c.service_id = {service} "
    "AND c.status = 'APPROVED' AND c.effective_date <= {day})"
)

STATEMENTS = {
    "generate_renewals": f"""
        WITH due AS (
          SELECT s.id, s.next_due_date, s.recurring_amount, s.currency, s.billing_cycle
          FROM saleor_services_service s
          WHERE s.status IN ('ACTIVE', 'SUSPENDED') AND s.next_due_date <= %(renew_until)s
            AND NOT EXISTS (SELECT 1 FROM saleor_services_renewal r WHERE r.service_id = s.id
                            AND r.kind = 'RENEWAL' AND r.period_start = s.next_due_date
                            AND r.status NOT IN ('VOID', 'REFUNDED'))
            AND {_NOT_CANCELLED_BY.format(service="s.id", day="s.next_due_date")}
        ), changed AS (
          INSERT INTO saleor_services_renewal (service_id, kind, period_start, period_end, amount, currency,
            due_date, status, reminders_sent, suspension_warning_sent, payment_url, created_at, updated_at,
            document_error, refunded_amount)
          SELECT id, 'RENEWAL', next_due_date, (next_due_date + make_interval(months => {_CYCLE_MONTHS}))::date,
            recurring_amount, currency, next_due_date, 'OPEN', '[]', false, '', %(now)s, %(now)s, '', 0 FROM due
          RETURNING id, service_id, period_start, period_end, amount, currency, due_date
        ) {_EVENT.format(type="RENEWAL_CREATED", email="PENDING", parameters=(
            "jsonb_build_object('renewal_id', id, 'period_start', period_start, 'period_end', period_end, "
            "'amount', amount::text, 'currency', currency, 'due_date', due_date)"))}""",
    "send_reminders": f"""
        WITH changed AS (
          UPDATE saleor_services_renewal r
          SET reminders_sent = CASE WHEN r.due_date - %(today)s <= %(last_reminder)s
                                    THEN %(all_reminders)s::jsonb ELSE %(first_reminder)s::jsonb END
          FROM saleor_services_service s
          WHERE s.id = r.service_id AND s.status = 'ACTIVE' AND r.kind = 'RENEWAL' AND r.status = 'OPEN'
            AND r.due_date BETWEEN %(today)s AND %(remind_until)s
            AND NOT r.reminders_sent @> %(all_reminders)s::jsonb
            AND {_NOT_CANCELLED_BY.format(service="r.service_id", day="r.period_start")}
          RETURNING r.id, r.service_id, r.due_date,
            CASE WHEN r.due_date - %(today)s <= %(last_reminder)s THEN %(last_reminder)s
                 ELSE %(first_reminder_days)s END AS days_before
        ) {_EVENT.format(type="RENEWAL_REMINDER", email="PENDING", parameters=(
            "jsonb_build_object('renewal_id', id, 'days_before', days_before, 'due_date', due_date)"))}""",
    "warn_before_suspension": f"""
        WITH changed AS (
          UPDATE saleor_services_renewal r SET suspension_warning_sent = true
          FROM saleor_services_service s
          WHERE s.id = r.service_id AND s.status = 'ACTIVE' AND r.kind = 'RENEWAL' AND r.status = 'OPEN'
            AND NOT r.suspension_warning_sent AND r.due_date <= %(warn_due)s AND r.due_date > %(overdue_due)s
            AND {_NOT_CANCELLED_BY.format(service="r.service_id", day="r.period_start")}
          RETURNING r.id, r.service_id, r.due_date + %(grace)s AS suspension_date
        ) {_EVENT.format(type="SUSPENSION_WARNING", email="PENDING", parameters=(
            "jsonb_build_object('renewal_id', id, 'suspension_date', suspension_date, "
            "'days_before', suspension_date - %(today)s)"))}""",
    "suspend_overdue": f"""
        WITH changed AS (
          UPDATE saleor_services_service s
          SET status = 'SUSPENDED', suspended_at = %(now)s, suspension_reason = 'Overdue renewal invoice',
              suspension_cause = 'NON_PAYMENT', updated_at = %(now)s
          WHERE s.status = 'ACTIVE' AND s.id IN (SELECT service_id FROM saleor_services_renewal
            WHERE kind = 'RENEWAL' AND status = 'OPEN' AND due_date <= %(overdue_due)s)
          RETURNING s.id AS service_id
        ) {_EVENT.format(type="SUSPENDED", email="PENDING", parameters=(
            "jsonb_build_object('reason', 'Overdue renewal invoice', 'cause', 'NON_PAYMENT', "
            "'old_status', 'ACTIVE', 'new_status', 'SUSPENDED')"))}""",
    "apply_cancellations": f"""
        WITH requests AS (
          UPDATE saleor_services_cancellationrequest c
          SET status = 'COMPLETED', decided_at = statement_timestamp(), updated_at = statement_timestamp()
          FROM saleor_services_service s
          WHERE s.id = c.service_id AND c.status = 'APPROVED' AND c.effective_date <= %(today)s
            AND s.status IN ('ACTIVE', 'SUSPENDED', 'PAUSED')
          RETURNING c.service_id, c.id AS request_id, c.reason, s.status AS old_status
        ), changed AS (
          UPDATE saleor_services_service s SET status = 'CANCELLED', cancelled_at = %(now)s, updated_at = %(now)s
          FROM requests WHERE s.id = requests.service_id
          RETURNING s.id AS service_id, requests.request_id, requests.reason, requests.old_status
        ) {_EVENT.format(type="CANCELLED", email="PENDING", parameters=(
            "jsonb_build_object('request_id', request_id, 'reason', reason, 'old_status', old_status, "
            "'new_status', 'CANCELLED')"))}""",
    "resume_paused": f"""
        WITH due AS (
          SELECT id, next_due_date, GREATEST(0, %(today)s - paused_at::date) AS paused_days
          FROM saleor_services_service WHERE status = 'PAUSED' AND resume_on <= %(today)s
        ), changed AS (
          UPDATE saleor_services_service s
          SET status = 'ACTIVE', paused_at = NULL, resume_on = NULL, updated_at = %(now)s,
              next_due_date = s.next_due_date + due.paused_days, paused_days = s.paused_days + due.paused_days
          FROM due WHERE s.id = due.id
          RETURNING s.id AS service_id, due.paused_days, due.next_due_date AS old_due, s.next_due_date AS new_due
        ) {_EVENT.format(type="RESUMED", email="NOT_REQUIRED", parameters=(
            "jsonb_build_object('paused_days', paused_days, 'old_next_due_date', old_due, "
            "'new_next_due_date', new_due, 'old_status', 'PAUSED', 'new_status', 'ACTIVE')"))}""",
    "warn_before_termination": f"""
        WITH changed AS (
          UPDATE saleor_services_service s SET termination_warning_sent = true
          WHERE NOT s.termination_warning_sent AND (
            (s.status = 'SUSPENDED' AND s.suspension_cause = 'NON_PAYMENT' AND s.suspended_at < %(warn_suspended)s)
            OR (s.status = 'CANCELLED' AND s.cancelled_at < %(warn_cancelled)s))
          RETURNING s.id AS service_id,
            CASE WHEN s.status = 'SUSPENDED' THEN s.suspended_at::date + %(after_suspended)s
                 ELSE s.cancelled_at::date + %(after_cancelled)s END AS termination_date
        ) {_EVENT.format(type="TERMINATION_WARNING", email="PENDING", parameters=(
            "jsonb_build_object('termination_date', termination_date, "
            "'days_before', termination_date - %(today)s)"))}""",
    "terminate_ended": f"""
        WITH due AS (
          SELECT id, status FROM saleor_services_service s
          WHERE (s.status = 'SUSPENDED' AND s.suspension_cause = 'NON_PAYMENT' AND s.suspended_at < %(end_suspended)s)
             OR (s.status = 'CANCELLED' AND s.cancelled_at < %(end_cancelled)s)
        ), changed AS (
          UPDATE saleor_services_service s
          SET status = 'TERMINATED', terminated_at = %(now)s, username = '', password = '', updated_at = %(now)s
          FROM due WHERE s.id = due.id
          RETURNING s.id AS service_id, due.status AS old_status
        ) {_EVENT.format(type="TERMINATED", email="PENDING", parameters=(
            "jsonb_build_object('reason', CASE old_status WHEN 'SUSPENDED' THEN 'Suspended for too long' "
            "ELSE 'Cancelled for too long' END, 'old_status', old_status, 'new_status', 'TERMINATED')"))}""",
}


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def parameters(today: date) -> dict:
    settings = get_settings()
    reminders = sorted(settings.REMINDER_DAYS_BEFORE, reverse=True)
    grace, after_suspended, after_cancelled = (
        settings.GRACE_DAYS, settings.TERMINATE_SUSPENDED_AFTER_DAYS, settings.TERMINATE_CANCELLED_AFTER_DAYS,
    )
    warning = settings.TERMINATION_WARNING_DAYS_BEFORE
    return {
        "today": today,
        "now": timezone.make_aware(datetime.combine(today, settings.AUTOMATION_TIME)),
        "renew_until": today + timedelta(days=settings.RENEWAL_DAYS_BEFORE),
        "remind_until": today + timedelta(days=max(reminders)),
        "last_reminder": min(reminders),
        "first_reminder": f"[{reminders[0]}]",
        "first_reminder_days": reminders[0],
        "all_reminders": "[" + ", ".join(str(days) for days in reminders) + "]",
        "warn_due": today - timedelta(days=grace - settings.SUSPENSION_WARNING_DAYS_BEFORE),
        "overdue_due": today - timedelta(days=grace),
        "grace": grace,
        "after_suspended": after_suspended,
        "after_cancelled": after_cancelled,
        "warn_suspended": _start(today - timedelta(days=after_suspended - warning) + timedelta(days=1)),
        "warn_cancelled": _start(today - timedelta(days=after_cancelled - warning) + timedelta(days=1)),
        "end_suspended": _start(today - timedelta(days=after_suspended) + timedelta(days=1)),
        "end_cancelled": _start(today - timedelta(days=after_cancelled) + timedelta(days=1)),
    }


def floor_day(today: date) -> dict[str, int]:
    """The day's changes, one statement per step; the events written per step."""
    values, done = parameters(today), {}
    with connection.cursor() as cursor:
        for step, sql in STATEMENTS.items():
            cursor.execute(sql, values)
            done[step] = cursor.rowcount
    return done
