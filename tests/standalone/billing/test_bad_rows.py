"""Bad dates are refused on the way in, and a bad row already stored never stops a run."""

from datetime import date

import pytest

from saleor_services import lifecycle
from saleor_services.actors import Actor
from saleor_services.automation import preview, run_daily_automation
from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.models import Service
from saleor_services.service_details import service_update


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1), date(2100, 1, 1)])
def test_a_due_date_out_of_range_is_refused(buy, staff, day, unchanged):
    service = buy(date(2026, 1, 10))
    with unchanged(), pytest.raises(ServiceError) as refusal:
        service_update(service_id=service.pk, actor=staff, next_due_date=day)
    assert (refusal.value.code, refusal.value.field) == (ServiceErrorCode.INVALID, "next_due_date")


def test_a_resume_date_out_of_range_is_refused(buy, customer, unchanged):
    service = buy(date(2026, 1, 10))
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_pause(
            service_id=service.pk, actor=Actor.customer(customer), resume_on=date(9999, 12, 31)
        )
    assert refusal.value.code == ServiceErrorCode.INVALID


def test_previewing_any_date_answers_or_refuses_with_a_typed_error(db):
    with pytest.raises(ServiceError) as refusal:
        preview(date(9999, 12, 31))
    assert refusal.value.code == ServiceErrorCode.INVALID
    assert set(preview(date(2026, 3, 10))) >= {"generate_renewals", "terminate_ended"}


def test_one_bad_row_is_set_aside_and_the_run_goes_on_for_the_others(buy, clock, customer):
    good = buy(date(2026, 1, 10))
    bad = buy(date(2026, 1, 10))
    for service in (good, bad):
        lifecycle.service_pause(
            service_id=service.pk, actor=Actor.customer(customer), resume_on=date(2026, 1, 20), today=date(2026, 1, 10)
        )
    # Stored before dates were checked: resuming would leave the calendar.
    Service.objects.filter(pk=bad.pk).update(next_due_date=date(9999, 12, 31))
    clock.at(date(2026, 1, 20))

    done = run_daily_automation(date(2026, 1, 20))

    good.refresh_from_db()
    bad.refresh_from_db()
    assert done["resume_paused"] == 1
    assert good.status == "ACTIVE"
    assert bad.status == "PAUSED"
    [failure] = bad.events.filter(type="AUTOMATION_FAILED")
    assert failure.parameters["step"] == "resume_paused"
    assert "OverflowError" in failure.parameters["error"]
