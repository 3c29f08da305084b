"""Reactivate: a cancelled service back to active before termination (seed 004), when the
plan allows customers to; charged as a renewal for a new period starting on the day."""

from datetime import date

import pytest
from django.core import mail

from saleor_services import lifecycle
from saleor_services.automation import run_step
from saleor_services.billing.renewals import renewal_mark_paid
from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import ServiceStatus
from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.models import Renewal, Service, ServicePlan

from . import recording_provisioner
from .conftest import PASSWORD, TODAY, events_of

REACTIVATED_ON = date(2026, 5, 20)


@pytest.fixture
def reactivatable(db):
    return ServicePlan.objects.create(name="Flexible", variant_id=31, allow_reactivation=True)


@pytest.fixture
def cancelled_at_period_end(make_service, reactivatable, as_customer, staff):
    """A customer's end-of-period cancellation, approved and taken effect on its date."""
    service = make_service(plan=reactivatable)
    request = cancellation_request_create(
        service_id=service.pk, actor=as_customer, type="END_OF_BILLING_PERIOD", reason="Moving", password=PASSWORD,
        today=TODAY,
    )
    from saleor_services.cancellation import cancellation_request_approve

    cancellation_request_approve(request_id=request.pk, actor=staff, today=TODAY)
    run_step("apply_cancellations", request.effective_date)
    service.refresh_from_db()
    assert service.status == ServiceStatus.CANCELLED and service.cancelled_at is not None
    return service


def test_the_customer_reactivates_and_a_new_period_is_charged(
    cancelled_at_period_end, as_customer, customer, django_capture_on_commit_callbacks
):
    service = cancelled_at_period_end
    with django_capture_on_commit_callbacks(execute=True):
        result = lifecycle.service_reactivate(service_id=service.pk, actor=as_customer, today=REACTIVATED_ON)
    service.refresh_from_db()
    assert result.status == service.status == ServiceStatus.ACTIVE
    assert service.cancelled_at is None
    assert (service.next_due_date, service.billing_anchor_day) == (REACTIVATED_ON, REACTIVATED_ON.day)

    reactivated, created = events_of(service)[-2:]
    assert (reactivated.type, reactivated.actor_type, reactivated.user_id) == ("REACTIVATED", "CUSTOMER", customer.pk)
    assert reactivated.parameters["old_status"] == "CANCELLED" and reactivated.parameters["new_status"] == "ACTIVE"
    assert reactivated.parameters["new_next_due_date"] == REACTIVATED_ON.isoformat()
    assert created.type == "RENEWAL_CREATED"

    renewal = Renewal.objects.get(service=service, status="OPEN")
    assert (renewal.kind, renewal.period_start, renewal.period_end) == ("RENEWAL", REACTIVATED_ON, date(2026, 6, 20))
    assert (renewal.amount, renewal.due_date) == (service.recurring_amount, REACTIVATED_ON)

    subjects = [message.subject for message in mail.outbox]
    assert f"{service.product_name} is reactivated" in subjects
    assert f"Renewal invoice for {service.product_name}" in subjects


def test_paying_the_renewal_moves_the_due_date_one_cycle_on(cancelled_at_period_end, as_customer):
    service = cancelled_at_period_end
    lifecycle.service_reactivate(service_id=service.pk, actor=as_customer, today=REACTIVATED_ON)
    renewal = Renewal.objects.get(service=service, status="OPEN")
    renewal_mark_paid(renewal_id=renewal.pk, today=REACTIVATED_ON)
    assert Service.objects.get(pk=service.pk).next_due_date == date(2026, 6, 20)


def test_left_unpaid_it_is_suspended_like_any_overdue_renewal(cancelled_at_period_end, as_customer):
    service = cancelled_at_period_end
    lifecycle.service_reactivate(service_id=service.pk, actor=as_customer, today=REACTIVATED_ON)
    run_step("suspend_overdue", date(2026, 5, 24))
    assert Service.objects.get(pk=service.pk).status == ServiceStatus.SUSPENDED


def test_the_provisioner_turns_the_service_back_on(
    cancelled_at_period_end, as_customer, settings, django_capture_on_commit_callbacks
):
    settings.SALEOR_SERVICES = {"PROVISIONER": "tests.standalone.recording_provisioner.RecordingProvisioner"}
    recording_provisioner.CALLS.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.service_reactivate(service_id=cancelled_at_period_end.pk, actor=as_customer, today=REACTIVATED_ON)
    assert recording_provisioner.CALLS == [("unsuspend", cancelled_at_period_end.pk)]
    recording_provisioner.CALLS.clear()


def test_a_plan_without_reactivation_refuses_customers_but_not_staff(make_service, as_customer, staff, unchanged):
    service = make_service(ServiceStatus.CANCELLED)  # the default plan: reactivation off
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_reactivate(service_id=service.pk, actor=as_customer)
    assert refusal.value.code == ServiceErrorCode.NOT_ALLOWED_BY_PLAN
    assert lifecycle.service_reactivate(service_id=service.pk, actor=staff).status == ServiceStatus.ACTIVE


@pytest.mark.parametrize("status", [s for s in ServiceStatus if s != ServiceStatus.CANCELLED])
def test_only_a_cancelled_service_comes_back(make_service, reactivatable, as_customer, unchanged, status):
    service = make_service(status, plan=reactivatable)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_reactivate(service_id=service.pk, actor=as_customer)
    assert refusal.value.code == ServiceErrorCode.INVALID_TRANSITION


def test_someone_elses_service_is_not_found(make_service, reactivatable, other_customer, as_customer, unchanged):
    theirs = make_service(ServiceStatus.CANCELLED, plan=reactivatable, user=other_customer)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_reactivate(service_id=theirs.pk, actor=as_customer)
    assert refusal.value.code == ServiceErrorCode.NOT_FOUND


def test_a_one_time_service_cannot_come_back(make_service, as_customer, unchanged):
    plan = ServicePlan.objects.create(name="Setup", variant_id=32, allow_reactivation=True, billing_cycle="ONE_TIME")
    service = make_service(ServiceStatus.CANCELLED, plan=plan)
    Service.objects.filter(pk=service.pk).update(billing_cycle="ONE_TIME", next_due_date=None)
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_reactivate(service_id=service.pk, actor=as_customer)
    assert refusal.value.code == ServiceErrorCode.INVALID
