"""The warnings written by one SQL statement are what the Python rules say: the row marked
warned once, and one event with the dates and this run's count of days, owing an e-mail
only where there is an address; the termination date counts from the local day the
countdown started (the site's time zone, not UTC)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from saleor_services import automation
from saleor_services.enums import EmailStatus, ServiceEventType, ServiceStatus, SuspensionCause
from saleor_services.models import Renewal, Service, ServiceEvent

DUE = date(2026, 3, 10)  # default GRACE_DAYS 3: suspended on 13 March


def _overdue(make_service, *, email: str) -> Renewal:
    service = make_service()
    Service.objects.filter(pk=service.pk).update(next_due_date=DUE, user_email=email)
    automation.run_step("generate_renewals", DUE - timedelta(days=7))
    return Renewal.objects.get(service=service)


@pytest.mark.parametrize(
    ("warning_days", "run_on", "days_before"),
    [(1, date(2026, 3, 12), 1), (2, date(2026, 3, 12), 1), (2, date(2026, 3, 11), 2)],
    ids=["on its day", "a day late: this run's count", "two days before"],
)
@pytest.mark.parametrize("email", ["customer@example.com", ""], ids=["with e-mail", "without e-mail"])
def test_the_suspension_warning(make_service, settings, warning_days, run_on, days_before, email):
    settings.SALEOR_SERVICES = {"SUSPENSION_WARNING_DAYS_BEFORE": warning_days}
    renewal = _overdue(make_service, email=email)

    assert automation.run_step("warn_before_suspension", run_on) == 1

    renewal.refresh_from_db()
    assert renewal.suspension_warning_sent
    [event] = ServiceEvent.objects.filter(service=renewal.service, type=ServiceEventType.SUSPENSION_WARNING)
    assert event.parameters == {"renewal_id": renewal.pk, "suspension_date": "2026-03-13", "days_before": days_before}
    assert (event.actor_type, event.user_id, event.app_id) == ("SYSTEM", None, None)
    assert event.email_status == (EmailStatus.PENDING if email else EmailStatus.NOT_REQUIRED)
    assert automation.run_step("warn_before_suspension", run_on) == 0


@pytest.mark.parametrize(
    ("zone", "termination_date"),
    [("UTC", "2026-03-15"), ("America/New_York", "2026-03-14")],
    ids=["UTC", "a day behind UTC"],
)
@pytest.mark.parametrize("email", ["customer@example.com", ""], ids=["with e-mail", "without e-mail"])
def test_the_termination_warning(make_service, settings, zone, termination_date, email):
    settings.TIME_ZONE = zone
    service = make_service(ServiceStatus.SUSPENDED)
    # 02:00 UTC on 1 March is still 28 February in New York: 14 days from the local day.
    Service.objects.filter(pk=service.pk).update(
        suspended_at=datetime(2026, 3, 1, 2, 0, tzinfo=UTC), suspension_cause=SuspensionCause.NON_PAYMENT,
        user_email=email,
    )
    today = date(2026, 3, 12)  # default TERMINATION_WARNING_DAYS_BEFORE 3: both zones warn today

    assert automation.run_step("warn_before_termination", today) == 1

    service.refresh_from_db()
    assert service.termination_warning_sent
    [event] = ServiceEvent.objects.filter(service=service, type=ServiceEventType.TERMINATION_WARNING)
    days_before = (date.fromisoformat(termination_date) - today).days
    assert event.parameters == {"termination_date": termination_date, "days_before": days_before}
    assert (event.actor_type, event.user_id, event.app_id) == ("SYSTEM", None, None)
    assert event.email_status == (EmailStatus.PENDING if email else EmailStatus.NOT_REQUIRED)
    assert automation.run_step("warn_before_termination", today) == 0
