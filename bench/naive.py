"""The billing panels' daily cron, for comparison only: per-row loops over every service.

Same workload as the set-based run on the bench dataset (default day offsets; the bench
plans override none), one ORM query or save per decision, as a cron script walking the
services and invoices table would do it. Returns how many changes it made per step.
"""

from collections import Counter
from datetime import timedelta

from django.utils import timezone

from saleor_services.billing.cycles import add_cycles
from saleor_services.conf import get_settings
from saleor_services.models import CancellationRequest, Renewal, Service, ServiceEvent


def _event(service, type, **parameters):
    ServiceEvent.objects.create(service=service, type=type, actor_type="SYSTEM", parameters=parameters)


def _set_status(service, status, event, **fields):
    old = service.status
    service.status = status
    for name, value in fields.items():
        setattr(service, name, value)
    service.save()
    _event(service, event, old_status=old, new_status=status)


def naive_daily_run(today) -> Counter:
    settings, done, now = get_settings(), Counter(), timezone.now()
    for service in Service.objects.all().iterator(chunk_size=2000):
        due = service.next_due_date
        if (
            service.status in ("ACTIVE", "SUSPENDED") and due
            and due <= today + timedelta(days=settings.RENEWAL_DAYS_BEFORE)
            and not Renewal.objects.filter(service=service, kind="RENEWAL", period_start=due).exists()
            and not CancellationRequest.objects.filter(
                service=service, status="APPROVED", effective_date__lte=due
            ).exists()
        ):
            renewal = Renewal.objects.create(
                service=service, period_start=due, amount=service.recurring_amount, currency=service.currency,
                period_end=add_cycles(due, service.billing_cycle, anchor_day=service.billing_anchor_day), due_date=due,
            )
            _event(service, "RENEWAL_CREATED", renewal_id=renewal.pk)
            done["generate_renewals"] += 1
        if service.status == "PAUSED" and service.resume_on and service.resume_on <= today:
            _set_status(service, "ACTIVE", "RESUMED", paused_at=None, resume_on=None)
            done["resume_paused"] += 1
        for status, since, after in (
            ("SUSPENDED", service.suspended_at, settings.TERMINATE_SUSPENDED_AFTER_DAYS),
            ("CANCELLED", service.cancelled_at, settings.TERMINATE_CANCELLED_AFTER_DAYS),
        ):
            if service.status != status or since is None:
                continue
            if status == "SUSPENDED" and service.suspension_cause != "NON_PAYMENT":
                continue
            ends = timezone.localdate(since) + timedelta(days=after)
            if ends <= today:
                _set_status(service, "TERMINATED", "TERMINATED", terminated_at=now, username="")
                done["terminate_ended"] += 1
            elif (
                not service.termination_warning_sent
                and ends - timedelta(days=settings.TERMINATION_WARNING_DAYS_BEFORE) <= today
            ):
                service.termination_warning_sent = True
                service.save()
                _event(service, "TERMINATION_WARNING")
                done["warn_before_termination"] += 1
    for request in CancellationRequest.objects.filter(status="APPROVED", effective_date__lte=today).iterator():
        service = request.service
        if service.status in ("ACTIVE", "SUSPENDED", "PAUSED"):
            _set_status(service, "CANCELLED", "CANCELLED", cancelled_at=now)
            done["apply_cancellations"] += 1
    grace = settings.GRACE_DAYS
    for renewal in Renewal.objects.filter(kind="RENEWAL", status="OPEN").iterator():
        service = renewal.service
        if service.status != "ACTIVE":
            continue
        days_left = (renewal.due_date - today).days
        offsets = [o for o in settings.REMINDER_DAYS_BEFORE if 0 <= days_left <= o and o not in renewal.reminders_sent]
        if offsets:
            renewal.reminders_sent = sorted({*renewal.reminders_sent, *offsets}, reverse=True)
            renewal.save()
            _event(service, "RENEWAL_REMINDER", renewal_id=renewal.pk)
            done["send_reminders"] += 1
        overdue_days = (today - renewal.due_date).days
        if overdue_days >= grace:
            _set_status(service, "SUSPENDED", "SUSPENDED", suspended_at=now, suspension_cause="NON_PAYMENT")
            done["suspend_overdue"] += 1
        elif not renewal.suspension_warning_sent and overdue_days >= grace - settings.SUSPENSION_WARNING_DAYS_BEFORE:
            renewal.suspension_warning_sent = True
            renewal.save()
            _event(service, "SUSPENSION_WARNING", renewal_id=renewal.pk)
            done["warn_before_suspension"] += 1
    return done
