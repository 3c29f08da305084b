"""Staff hear about what needs them, once each: a cancellation to review, a failed
provisioning, a refunded renewal, a renewal that could not be paid, a failed daily-run
step. Standalone, they go to SALEOR_SERVICES["STAFF_ALERT_RECIPIENTS"]."""

from decimal import Decimal

import pytest

from saleor_services.actors import SYSTEM, Actor
from saleor_services.enums import CancellationMode, EmailStatus, StaffAlertKind
from saleor_services.models import Renewal, StaffAlert
from saleor_services.notifications import send_pending_alerts

from ..conftest import PASSWORD, TODAY

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def recipients(settings):
    settings.SALEOR_SERVICES = {"STAFF_ALERT_RECIPIENTS": ["ops@example.com", "owner@example.com"]}


def staff_mail(sent) -> list[tuple[str, list[str]]]:
    return [(message.subject, message.to) for message in sent if "ops@example.com" in message.to]


def test_a_cancellation_request_to_review_alerts_staff_once(make_service, plan, sent):
    from saleor_services.cancellation import cancellation_request_create

    plan.cancellation_mode = CancellationMode.REQUEST
    plan.save()
    service = make_service()
    cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(service.user), type="END_OF_BILLING_PERIOD",
        reason="Too expensive", password=PASSWORD, today=TODAY,
    )
    send_pending_alerts()  # a second sweep sends nothing again

    assert staff_mail(sent) == [
        ("New cancellation request for Hosting", ["ops@example.com", "owner@example.com"])
    ]
    [alert] = StaffAlert.objects.all()
    assert (alert.kind, alert.status, alert.service_id) == (
        StaffAlertKind.CANCELLATION_REQUESTED, EmailStatus.SENT, service.pk
    )
    body = next(m for m in sent if "ops@example.com" in m.to).body
    assert "Too expensive" in body


def test_an_immediate_cancellation_needs_nobody(make_service, plan, sent):
    from saleor_services.cancellation import cancellation_request_create

    plan.cancellation_mode = CancellationMode.IMMEDIATE
    plan.save()
    service = make_service()
    cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(service.user), type="IMMEDIATE",
        reason="Done", password=PASSWORD, today=TODAY,
    )

    assert staff_mail(sent) == []
    assert not StaffAlert.objects.exists()


def test_a_failed_provisioning_alerts_staff(make_service, sent):
    from saleor_services.provisioning.outcome import service_provisioning_failed

    service = make_service(status="PENDING")
    service_provisioning_failed(service_id=service.pk, error="Panel answered 500")
    send_pending_alerts()

    assert staff_mail(sent) == [("Provisioning failed for Hosting", ["ops@example.com", "owner@example.com"])]
    assert "Panel answered 500" in next(m for m in sent if "ops@example.com" in m.to).body


def test_a_refunded_renewal_and_a_renewal_that_could_not_be_paid_alert_staff(make_service, sent):
    from saleor_services.billing.renewals import (
        renewal_fail,
        renewal_mark_paid,
        renewal_record_refund,
    )

    service = make_service()
    paid = Renewal.objects.create(
        service=service, period_start=TODAY, period_end=TODAY, amount=Decimal("9.990"),
        currency="USD", due_date=TODAY,
    )
    renewal_mark_paid(renewal_id=paid.pk, actor=SYSTEM, today=TODAY)
    renewal_record_refund(renewal_id=paid.pk, amount=Decimal("4.00"))
    unpaid = Renewal.objects.create(
        service=service, period_start=TODAY.replace(year=2027), period_end=TODAY.replace(year=2027),
        amount=Decimal("9.990"), currency="USD", due_date=TODAY.replace(year=2027),
    )
    renewal_fail(renewal_id=unpaid.pk, reason="Card declined")

    assert staff_mail(sent) == [
        ("Renewal of Hosting refunded", ["ops@example.com", "owner@example.com"]),
        ("Renewal payment failed for Hosting", ["ops@example.com", "owner@example.com"]),
    ]
    bodies = [m.body for m in sent if "ops@example.com" in m.to]
    assert "$4.00" in bodies[0] and "Card declined" in bodies[1]


def test_a_failed_daily_run_step_alerts_once_however_often_the_day_is_run(monkeypatch, db, sent):
    from saleor_services import automation

    def broken(today):
        raise RuntimeError("the provider's API is down")

    # A step that fails as a whole (its query or its provider), not one bad row.
    monkeypatch.setitem(automation.STEPS, "generate_renewals", broken)
    automation.run_daily_automation(TODAY)
    automation.run_daily_automation(TODAY)  # the day run again: no second alert

    assert staff_mail(sent) == [
        ("The daily run's step generate_renewals failed", ["ops@example.com", "owner@example.com"])
    ]
    body = next(m for m in sent if "ops@example.com" in m.to).body
    assert "March 10, 2026" in body and "the provider's API is down" in body
