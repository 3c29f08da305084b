"""A renewal whose payable document cannot be made fails once, visibly, and asks for nothing."""

from datetime import date

from saleor_services.automation import run_daily_automation
from saleor_services.billing.renewals import renewal_fail, renewal_reopen

from .conftest import renewals_of, types_of


def test_a_failed_renewal_gets_no_reminder_and_no_suspension_until_staff_reopen_it(buy, clock, staff):
    service = buy(date(2026, 1, 10))
    run_daily_automation(date(2026, 2, 3))
    [renewal] = renewals_of(service)

    renewal_fail(renewal_id=renewal.pk, reason="The product variant was deleted.")
    clock.live(date(2026, 2, 4), date(2026, 2, 20))

    renewal.refresh_from_db()
    service.refresh_from_db()
    assert (renewal.status, renewal.document_error) == ("FAILED", "The product variant was deleted.")
    assert renewal.reminders_sent == [7]
    assert service.status == "ACTIVE"
    assert types_of(service).count("RENEWAL_FAILED") == 1

    renewal_reopen(renewal_id=renewal.pk, actor=staff)
    renewal.refresh_from_db()
    assert (renewal.status, renewal.document_error) == ("OPEN", "")
    assert "RENEWAL_REOPENED" in types_of(service)
