"""The billing panels' daily cron, for comparison only: a per-row loop over every service."""

from datetime import timedelta

from saleor_services.billing_cycles import add_cycles
from saleor_services.models import Renewal, Service, ServiceEvent


def naive_daily_run(today) -> int:
    done = 0
    for service in Service.objects.all().iterator(chunk_size=2000):
        if service.status in ("ACTIVE", "SUSPENDED") and service.next_due_date and (
            service.next_due_date <= today + timedelta(days=7)
        ):
            if not Renewal.objects.filter(service=service, period_start=service.next_due_date).exists():
                Renewal.objects.create(
                    service=service, period_start=service.next_due_date,
                    period_end=add_cycles(service.next_due_date, service.billing_cycle, anchor_day=service.billing_anchor_day),
                    amount=service.recurring_amount, currency=service.currency, due_date=service.next_due_date,
                )
                ServiceEvent.objects.create(service=service, type="RENEWAL_CREATED", actor_type="SYSTEM")
                done += 1
    for renewal in Renewal.objects.filter(status="OPEN").iterator():
        service = renewal.service
        if service.status == "ACTIVE" and renewal.due_date <= today - timedelta(days=3):
            service.status = "SUSPENDED"
            service.save()
            ServiceEvent.objects.create(service=service, type="SUSPENDED", actor_type="SYSTEM")
            done += 1
    return done
