"""Every query and mutation × every caller the standalone host knows (the matrix and
who gets what: tests/access_matrix.py, which the Saleor tier runs too).

The operations are read from the schema itself (a new one fails `test_every_operation_is_in_the_matrix`
until it is given a row). Each call is served, or refused with a typed error or an empty
result; never a server error; and a refusal changes nothing (the services, plans,
cancellation requests, renewals and events tables are compared before and after).
"""

from decimal import Decimal

import pytest

from saleor_services.actors import Actor
from saleor_services.billing.renewals import renewal_fail, renewal_mark_paid
from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import CancellationType, EmailStatus, RenewalKind, ServiceStatus
from saleor_services.graphql.ids import global_id
from saleor_services.graphql.schema import build_schema
from saleor_services.models import Renewal, ServicePlan

from ...access_matrix import OPERATIONS, ROLES, check_answer, variables_for
from ..conftest import PASSWORD, snapshot
from .conftest import gid


def _renewal(service, start):
    return Renewal.objects.create(
        service=service, kind=RenewalKind.RENEWAL, period_start=start, period_end=start,
        amount=Decimal(10), currency="USD", due_date=start,
    )


@pytest.fixture
def world(make_service, customer, as_customer, settings):
    from datetime import timedelta

    active = make_service()
    bigger = ServicePlan.objects.create(name="Bigger", variant_id=998, price_amount=Decimal(99), currency="USD")
    active.plan.change_targets.add(bigger)
    open_renewal = _renewal(active, active.next_due_date)
    failed = _renewal(make_service(), active.next_due_date)
    renewal_fail(renewal_id=failed.pk, reason="No checkout")
    paid = _renewal(make_service(), active.next_due_date + timedelta(days=40))
    renewal_mark_paid(renewal_id=paid.pk, actor=Actor.app(1))
    settings.SALEOR_SERVICES = {
        "PROVISIONER": "saleor_services.provisioning.manual.ManualProvisioner",
    }
    requested = make_service()
    request = cancellation_request_create(
        service_id=requested.pk, actor=as_customer, type=CancellationType.END_OF_BILLING_PERIOD,
        reason="Bye", password=PASSWORD,
    )
    # A customer e-mail that failed every try (staff may send it again).
    failed_email = active.events.get(type="CREATED")
    failed_email.email_status, failed_email.email_error = EmailStatus.FAILED, "SMTPRecipientsRefused"
    failed_email.save(update_fields=["email_status", "email_error"])
    return {
        "failed_email": global_id("ServiceEvent", failed_email.pk),
        "password": PASSWORD,
        "email": "customer@example.com",
        "variant": global_id("ProductVariant", 42),
        "active": gid(active),
        "pending": gid(make_service(ServiceStatus.PENDING)),
        "suspended": gid(make_service(ServiceStatus.SUSPENDED)),
        "paused": gid(make_service(ServiceStatus.PAUSED)),
        "cancelled": gid(make_service(ServiceStatus.CANCELLED)),
        "reactivatable": gid(make_service(
            ServiceStatus.CANCELLED,
            plan=ServicePlan.objects.create(name="Flexible", variant_id=997, allow_reactivation=True),
        )),
        "request": gid(request),
        "unused_plan": gid(ServicePlan.objects.create(name="Unused", variant_id=999)),
        "plan": gid(active.plan),
        "renewal": global_id("ServiceRenewal", open_renewal.pk),
        "failed_renewal": global_id("ServiceRenewal", failed.pk),
        "paid_renewal": global_id("ServiceRenewal", paid.pk),
        "bigger": gid(bigger),
    }


def test_every_operation_is_in_the_matrix():
    schema = build_schema()
    operations = set(schema.get_query_type().fields) | set(schema.get_mutation_type().fields)
    assert set(OPERATIONS) == operations


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_access(operation, role, api, world, request, customer):
    document, target, _who = OPERATIONS[operation]
    callers = {"anonymous": None, "owner": customer}
    user = callers[role] if role in callers else request.getfixturevalue(role)
    before = snapshot()

    content = api.post(document, variables_for(document, target, world), user=user, expect_errors=True)

    if check_answer(operation, role, content):
        assert snapshot() == before


def test_a_missing_id_answers_as_someone_elses_does(
    api, world, other_customer, staff_without_permission, restricted_staff
):
    """Nothing distinguishes an id that does not exist from one that is not the caller's
    (or, for channel-restricted staff, of another channel)."""
    missing = global_id("Service", 10**9)
    cases = [
        (other_customer, "servicePause"),
        (staff_without_permission, "servicePause"),
        (restricted_staff, "servicePause"),
        (restricted_staff, "serviceSuspend"),
        (restricted_staff, "serviceBulkSuspend"),
        (restricted_staff, "service"),
        (restricted_staff, "node"),
    ]
    for user, operation in cases:
        answers = []
        for target in (world["active"], missing):
            content = api.post(OPERATIONS[operation][0], {"id": target}, user=user, expect_errors=True)
            answers.append((content.get("data"), [e["message"] for e in content.get("errors") or []]))
        assert answers[0] == answers[1], (operation, answers)
