"""The benchmark dataset, written with COPY and grown in place (10k → 100k → 1M).

Whatever the size, the bench day D has the same due work: DUE_PER_DAY services whose
renewal falls inside the 7-day window and OVERDUE services with an unpaid renewal past
the grace period; every other service is due 30–395 days later, so the daily run's cost
can be compared across sizes with the same due count.
"""

import random
import uuid
from datetime import date, datetime, timedelta, timezone

from django.contrib.auth import get_user_model
from django.db import connection

from saleor_services.models import Renewal, Service, ServicePlan

BENCH_DAY = date(2026, 6, 1)
DUE_PER_DAY = 3000
OVERDUE = 300
STATUSES = ["ACTIVE"] * 85 + ["SUSPENDED"] * 5 + ["PAUSED"] * 3 + ["CANCELLED"] * 3 + ["TERMINATED"] * 2 + ["PENDING", "ARCHIVED"]
COLUMNS = [
    "user_id", "user_email", "customer_name", "order_id", "order_line_id", "unit_index", "channel_slug",
    "product_id", "variant_id", "product_name", "variant_name", "plan_id", "domain", "billing_cycle",
    "recurring_amount", "currency", "next_due_date", "billing_anchor_day", "status", "options",
    "server_hostname", "username", "password", "package_name", "provisioning_state", "provisioning_error",
    "created_at", "updated_at", "suspension_reason", "suspension_cause", "termination_warning_sent",
    "metadata", "private_metadata",
]


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


def _row(index: int, plan: ServicePlan, rng: random.Random, *, due: date, status: str, user_id):
    created = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=index)
    return [
        user_id, f"c{index % 50_000}@example.com", f"Customer {index % 50_000}", uuid.uuid4(), uuid.uuid4(), 0,
        "default-channel", plan.product_id, plan.variant_id, plan.name, "", plan.pk, f"site{index}.example.com",
        plan.billing_cycle, f"{5 + index % 40}.990", "USD", due, due.day, status, "{}",
        f"srv{index % 200}.example.net", "", "", "", "NOT_REQUIRED", "", created, created, "", "", False,
        "{}", "{}",
    ]


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
                if index < DUE_PER_DAY:  # the fixed due work of the bench day
                    due, status = BENCH_DAY + timedelta(days=index % 7), "ACTIVE"
                elif index < DUE_PER_DAY + OVERDUE:
                    due, status = BENCH_DAY - timedelta(days=5), "ACTIVE"
                else:
                    due = BENCH_DAY + timedelta(days=30 + rng.randrange(365))
                    status = STATUSES[rng.randrange(len(STATUSES))]
                user_id = owner.pk if index % 20_000 == 0 or index < 50 else None
                copy.write_row(_row(index, plan, rng, due=due, status=status, user_id=user_id))
    if have < DUE_PER_DAY + OVERDUE:
        overdue = Service.objects.filter(next_due_date=BENCH_DAY - timedelta(days=5))
        Renewal.objects.bulk_create(
            Renewal(service=s, period_start=s.next_due_date, period_end=s.next_due_date + timedelta(days=30),
                    amount=s.recurring_amount, currency="USD", due_date=s.next_due_date)
            for s in overdue
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE saleor_services_service; ANALYZE saleor_services_renewal")
    return size - have
