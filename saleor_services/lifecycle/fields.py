"""Each action's own fields, set on a service as it moves (shared by single, bulk and
automated changes)."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.utils import timezone

from ..credentials import empty_secret
from ..enums import SuspensionCause
from ..models import Service


def start_suspension(
    *, reason: str, cause: SuspensionCause, at: datetime | None = None
) -> Callable[[Service, dict], list[str]]:
    """Suspend's own fields, the same moment for every service of a batch (a daily
    run passes its own moment, so its dates follow the run's day, not the clock)."""
    now = at or timezone.now()

    def apply(service: Service, parameters: dict) -> list[str]:
        service.suspended_at = now
        service.suspension_reason = reason
        service.suspension_cause = cause
        return ["suspended_at", "suspension_reason", "suspension_cause"]

    return apply


def clear_suspension(service: Service, parameters: dict) -> list[str]:
    service.suspended_at = None
    service.suspension_reason = ""
    service.suspension_cause = ""
    service.termination_warning_sent = False
    return ["suspended_at", "suspension_reason", "suspension_cause", "termination_warning_sent"]


def end_pause(service: Service, parameters: dict, *, today: date) -> list[str]:
    """Resume's own fields: the due date moves on by the days the service was paused.

    The anchor stays: the paused days are kept as the due dates' shift, so a service
    anchored to the 31st is still billed on the 31st's grid (plus the shift) after it.
    """
    paused_days = max(0, (today - timezone.localdate(service.paused_at)).days)
    parameters.update(paused_days=paused_days, old_next_due_date=service.next_due_date)
    if service.next_due_date is not None:
        service.next_due_date += timedelta(days=paused_days)
        service.paused_days += paused_days
    parameters["new_next_due_date"] = service.next_due_date
    service.paused_at = None
    service.resume_on = None
    return ["paused_at", "resume_on", "next_due_date", "paused_days"]


def remove_on_termination(
    service: Service, parameters: dict, *, at: datetime | None = None
) -> list[str]:
    """Terminate's own fields: final, the credentials on record go with it."""
    service.terminated_at = at or timezone.now()
    service.username = ""
    service.password = empty_secret()
    return ["terminated_at", "username", "password"]


def restart_billing(service: Service, parameters: dict, *, today: date) -> list[str]:
    """Reactivate's own fields: a new period starts today, on a new anchor (its renewal is
    issued with the reactivation); the cancellation and any suspension are cleared."""
    parameters.update(old_next_due_date=service.next_due_date, new_next_due_date=today)
    service.next_due_date = today
    service.billing_anchor_day = today.day
    service.paused_days = 0
    service.cancelled_at = None
    return [
        "next_due_date",
        "billing_anchor_day",
        "paused_days",
        "cancelled_at",
        *clear_suspension(service, parameters),
    ]
