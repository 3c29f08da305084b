"""The benchmark dataset, written with COPY and grown in place (10k → 100k → 1M).

Whatever the size, the bench day D has the same due work (DAY_WORK: renewals inside the
7-day window, overdue renewals past the grace period, warnings, a resume, cancellations
and terminations); every other service is due 30–395 days later, so the daily run's cost
can be compared across sizes with the same due count.
"""

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import connection

from saleor_services.models import (
    CancellationRequest,
    Renewal,
    Service,
    ServiceEvent,
    ServicePlan,
    ServiceStatusCount,
)

BENCH_DAY = date(2026, 6, 1)
DUE_PER_DAY = 3000
OVERDUE = 300
EACH_OTHER = 50  # services in each of the day's smaller kinds of due work
# What the daily run has to do on the bench day, per step, at every size.
DAY_WORK = {
    "generate_renewals": DUE_PER_DAY,
    "send_reminders": DUE_PER_DAY,
    "warn_before_suspension": EACH_OTHER,
    "suspend_overdue": OVERDUE,
    "apply_cancellations": EACH_OTHER,
    "resume_paused": EACH_OTHER,
    "warn_before_termination": EACH_OTHER,
    "terminate_ended": 2 * EACH_OTHER,
}
STATUSES = (
    ["ACTIVE"] * 85 + ["SUSPENDED"] * 5 + ["PAUSED"] * 3 + ["CANCELLED"] * 3 + ["TERMINATED"] * 2
    + ["PENDING", "ARCHIVED"]
)
COLUMNS = [
    "user_id", "user_email", "customer_name", "order_id", "order_line_id", "unit_index", "channel_slug",
    "product_id", "variant_id", "product_name", "variant_name", "plan_id", "domain", "billing_cycle",
    "recurring_amount", "currency", "next_due_date", "billing_anchor_day", "status", "options",
    "server_hostname", "username", "password", "package_name", "provisioning_state", "provisioning_error",
    "created_at", "updated_at", "suspension_reason", "suspension_cause", "termination_warning_sent",
    "metadata", "private_metadata", "suspended_at", "paused_at", "resume_on", "cancelled_at",
]


def _days_before(days: int) -> datetime:
    return datetime.combine(BENCH_DAY - timedelta(days=days), time(12), tzinfo=UTC)


_NON_PAYMENT = {"status": "SUSPENDED", "suspension_cause": "NON_PAYMENT", "suspension_reason": "Overdue"}
# The bench day's fixed due work, in index ranges from 0: (how many, due date, other columns).
SEGMENTS = [
    (DUE_PER_DAY, lambda i: BENCH_DAY + timedelta(days=i % 7), {}),  # renewal and reminder due
    (OVERDUE, lambda i: BENCH_DAY - timedelta(days=5), {}),  # open renewal past the grace period
    (EACH_OTHER, lambda i: BENCH_DAY - timedelta(days=2), {}),  # suspension warning due
    (EACH_OTHER, lambda i: BENCH_DAY + timedelta(days=40), {  # resumes today
        "status": "PAUSED", "paused_at": _days_before(20), "resume_on": BENCH_DAY}),
    # Terminated today (warned three days ago), then warned today.
    (EACH_OTHER, lambda i: BENCH_DAY + timedelta(days=40), {
        **_NON_PAYMENT, "suspended_at": _days_before(14), "termination_warning_sent": True}),
    (EACH_OTHER, lambda i: BENCH_DAY + timedelta(days=40), {**_NON_PAYMENT, "suspended_at": _days_before(11)}),
    (EACH_OTHER, lambda i: BENCH_DAY + timedelta(days=40), {
        "status": "CANCELLED", "cancelled_at": _days_before(30), "termination_warning_sent": True}),
    (EACH_OTHER, lambda i: BENCH_DAY + timedelta(days=40), {}),  # approved cancellation effective today
]
FIXED = sum(count for count, _due, _extra in SEGMENTS)


def plans() -> list[ServicePlan]:
    if not ServicePlan.objects.exists():
        for index, (name, cycle) in enumerate(
            [("Hosting S", "MONTHLY"), ("Hosting M", "MONTHLY"), ("VPS", "QUARTERLY"),
             ("Mail", "ANNUALLY"), ("Backup", "MONTHLY")]
        ):
            ServicePlan.objects.create(name=name, variant_id=100 + index, product_id=10 + index, billing_cycle=cycle)
    return list(ServicePlan.objects.order_by("pk"))


def customer():
    """The customer whose `myServices` is measured: 50 services of their own."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench-customer", defaults={"email": "bench@example.com"}
    )
    return user


def _row(index: int, plan: ServicePlan, *, due: date, user_id, extra: dict) -> list:
    created = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=index)
    row = {
        "user_id": user_id, "user_email": f"c{index % 50_000}@example.com",
        "customer_name": f"Customer {index % 50_000}",
        "order_id": uuid.uuid4(), "order_line_id": uuid.uuid4(), "unit_index": 0, "channel_slug": "default-channel",
        "product_id": plan.product_id, "variant_id": plan.variant_id, "product_name": plan.name, "variant_name": "",
        "plan_id": plan.pk, "domain": f"site{index}.example.com", "billing_cycle": plan.billing_cycle,
        "recurring_amount": f"{5 + index % 40}.990", "currency": "USD", "next_due_date": due,
        "billing_anchor_day": due.day, "status": "ACTIVE", "options": "{}",
        "server_hostname": f"srv{index % 200}.example.net", "username": "", "password": "", "package_name": "",
        "provisioning_state": "NOT_REQUIRED", "provisioning_error": "", "created_at": created, "updated_at": created,
        "suspension_reason": "", "suspension_cause": "", "termination_warning_sent": False, "metadata": "{}",
        "private_metadata": "{}", "suspended_at": None, "paused_at": None, "resume_on": None, "cancelled_at": None,
        **extra,
    }
    return [row[column] for column in COLUMNS]


def _fixed_segment(index: int):
    start = 0
    for count, due, extra in SEGMENTS:
        if index < start + count:
            return due(index), extra
        start += count
    return None


def _add_day_work_rows() -> None:
    """Open renewals of the overdue and warned services; the approved cancellation requests."""
    services = list(Service.objects.order_by("pk")[:FIXED])
    overdue = services[DUE_PER_DAY:DUE_PER_DAY + OVERDUE + EACH_OTHER]
    Renewal.objects.bulk_create(
        Renewal(service=s, period_start=s.next_due_date, period_end=s.next_due_date + timedelta(days=30),
                amount=s.recurring_amount, currency="USD", due_date=s.next_due_date)
        for s in overdue
    )
    CancellationRequest.objects.bulk_create(
        CancellationRequest(service=s, type="END_OF_BILLING_PERIOD", reason="Moving elsewhere", status="APPROVED",
                            effective_date=BENCH_DAY, requested_by_type="CUSTOMER", decided_by_type="STAFF")
        for s in services[-EACH_OTHER:]
    )


def grow_to(size: int, *, seed: int = 7) -> int:
    """Add services until there are `size`; returns how many were added."""
    have = Service.objects.count()
    if have >= size:
        return 0
    rng = random.Random(seed + have)
    all_plans = plans()
    owner = customer()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY saleor_services_service ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for index in range(have, size):
                plan = all_plans[index % len(all_plans)]
                fixed = _fixed_segment(index)
                if fixed is not None:
                    due, extra = fixed
                else:
                    due = BENCH_DAY + timedelta(days=30 + rng.randrange(365))
                    extra = {"status": STATUSES[rng.randrange(len(STATUSES))]}
                user_id = owner.pk if index % 20_000 == 0 or index < 50 else None
                copy.write_row(_row(index, plan, due=due, user_id=user_id, extra=extra))
    if have < FIXED:
        _add_day_work_rows()
    return size - have


def settle() -> None:
    """What autovacuum does on a live database (and may be off here): statistics, the
    visibility map, and no dead rows left by the rolled-back measurements."""
    with connection.cursor() as cursor:
        for model in (Service, Renewal, CancellationRequest, ServiceEvent, ServiceStatusCount):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
