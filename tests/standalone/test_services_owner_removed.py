"""Customers who leave: credentials gone, renewals voided, the policy applied, once."""

from datetime import date

import pytest

from saleor_services.actors import Actor
from saleor_services.automation import run_daily_automation
from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import CancellationType
from saleor_services.models import CancellationRequest, Renewal, Service
from saleor_services.owners import services_owner_removed
from saleor_services.provisioning.outcome import service_provisioning_succeeded

from .conftest import PASSWORD, order_line, paid_order

TODAY = date(2026, 3, 10)


@pytest.fixture
def departing(make_service, customer):
    service = make_service(today=date(2026, 2, 12))  # due 12 Mar
    service_provisioning_succeeded(service_id=service.pk, username="ada", password="s3cret")
    run_daily_automation(TODAY)  # its renewal is open
    cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(customer), type=CancellationType.END_OF_BILLING_PERIOD,
        reason="Too expensive", password=PASSWORD, today=TODAY,
    )
    return service


def test_a_staff_delete_cancels_at_once_and_removes_what_identified_the_customer(departing, customer, staff):
    services_owner_removed(user_id=customer.pk, actor=staff, today=TODAY)

    service = Service.objects.get(pk=departing.pk)
    assert service.status == "CANCELLED"
    assert (service.user_id, service.username, service.password.reveal()) == (None, "", "")
    assert (service.user_email, service.customer_name) == ("", "")
    assert Renewal.objects.get(service=service).status == "VOID"
    assert CancellationRequest.objects.get(service=service).status in ("WITHDRAWN", "COMPLETED")
    [removed] = service.events.filter(type="OWNER_REMOVED")
    assert (removed.actor_type, removed.user_id, removed.parameters["deleted_user_id"]) == (
        "STAFF", staff.user.pk, customer.pk,
    )


def test_at_period_end_with_the_e_mail_kept_the_service_runs_to_its_due_date(
    departing, customer, settings
):
    settings.SALEOR_SERVICES = {"OWNER_REMOVED_POLICY": "CANCEL_AT_PERIOD_END", "OWNER_REMOVED_KEEP_EMAIL": True}
    services_owner_removed(user_id=customer.pk, actor=Actor(type="CUSTOMER"), today=TODAY)

    service = Service.objects.get(pk=departing.pk)
    assert service.status == "ACTIVE" and service.user_email == customer.email and service.user_id is None
    assert service.password.reveal() == ""
    approved = CancellationRequest.objects.get(service=service, status="APPROVED")
    assert approved.effective_date == date(2026, 3, 12)

    run_daily_automation(date(2026, 3, 12))
    service.refresh_from_db()
    assert service.status == "CANCELLED"
    assert not Renewal.objects.filter(service=service, status="OPEN").exists()


def test_running_it_twice_changes_nothing_the_second_time(departing, customer, staff):
    services_owner_removed(user_id=customer.pk, actor=staff, today=TODAY)
    events = departing.events.count()
    assert services_owner_removed(user_id=customer.pk, actor=staff, today=TODAY) == []
    assert departing.events.count() == events


def test_deleting_the_account_on_the_standalone_host_applies_the_policy(departing, customer):
    customer.delete()

    service = Service.objects.get(pk=departing.pk)
    assert service.status == "CANCELLED" and service.user_id is None and service.password.reveal() == ""
    assert service.events.filter(type="OWNER_REMOVED", actor_type="SYSTEM").count() == 1


def test_a_guest_order_without_an_e_mail_makes_services_nobody_owns_and_nobody_is_mailed(db, plan, mailoutbox):
    from dataclasses import replace

    from saleor_services.creation import create_services_for_paid_order
    from saleor_services.notifications import send_pending_emails

    order = replace(paid_order(None, order_line()), user_email="")
    [service] = create_services_for_paid_order(order, today=TODAY)
    send_pending_emails()

    assert (service.user_id, service.user_email, service.status) == (None, "", "ACTIVE")
    assert mailoutbox == []
    assert service.events.get(type="CREATED").email_status == "NOT_REQUIRED"


def test_staff_export_one_customer_s_data_and_nobody_else_can(api_client_for_export):
    api, staff_user, customer, service = api_client_for_export
    query = """query($email: String!) { serviceCustomerData(email: $email) }"""

    data = api.post(query, {"email": customer.email.upper()}, user=staff_user)["data"]["serviceCustomerData"]
    [exported] = data["services"]
    assert exported["pk"] == service.pk and "password" not in exported
    assert [event["type"] for event in exported["events"]][:1] == ["CREATED"]

    refused = api.post(query, {"email": customer.email}, user=customer, expect_errors=True)
    assert refused["data"] is None and refused["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


@pytest.fixture
def api_client_for_export(client, make_service, customer, db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from .graphql.conftest import Api

    staff_user = get_user_model().objects.create_user("auditor", "auditor@example.com", PASSWORD, is_staff=True)
    staff_user.user_permissions.add(Permission.objects.get(codename="manage_orders"))
    return Api(client), get_user_model().objects.get(pk=staff_user.pk), customer, make_service()


def test_an_unknown_policy_is_refused_at_start_up(settings):
    from django.core.exceptions import ImproperlyConfigured

    from saleor_services.conf import load_settings

    settings.SALEOR_SERVICES = {"OWNER_REMOVED_POLICY": "DELETE_EVERYTHING"}
    with pytest.raises(ImproperlyConfigured, match="OWNER_REMOVED_POLICY"):
        load_settings()
