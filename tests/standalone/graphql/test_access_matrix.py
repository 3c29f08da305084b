"""Every query and mutation × every caller the standalone host knows.

The operations are read from the schema itself (a new one fails `test_every_operation_is_in_the_matrix`
until it is given a row here). Each call is served, or refused with a typed error or an
empty result; never a server error; and a refusal changes nothing (the services, plans,
cancellation requests, renewals and events tables are compared before and after).

Who gets what:
- anonymous: the permission error ("sign in"), or nothing for `node`;
- the owner: their services and self-service actions; the permission error for staff operations;
- another customer: nothing (null, an empty list, NOT_FOUND in `errors`), exactly as for
  an id that does not exist, so ids reveal nothing;
- staff without MANAGE_ORDERS: customers for their own services only, so the permission
  error for anyone else's service and for every staff operation;
- staff with MANAGE_ORDERS: everything.
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
        "active": gid(active),
        "failed_email": global_id("ServiceEvent", failed_email.pk),
        "pending": gid(make_service(ServiceStatus.PENDING)),
        "suspended": gid(make_service(ServiceStatus.SUSPENDED)),
        "paused": gid(make_service(ServiceStatus.PAUSED)),
        "cancelled": gid(make_service(ServiceStatus.CANCELLED)),
        "request": gid(request),
        "unused_plan": gid(ServicePlan.objects.create(name="Unused", variant_id=999)),
        "plan": gid(active.plan),
        "renewal": global_id("ServiceRenewal", open_renewal.pk),
        "failed_renewal": global_id("ServiceRenewal", failed.pk),
        "paid_renewal": global_id("ServiceRenewal", paid.pk),
        "bigger": gid(bigger),
    }


def _mutation(root, arguments, selection="errors { field code message }"):
    return f"mutation($id: ID!) {{ {root}({arguments}) {{ {selection} }} }}"


# name: (document, the world's id it acts on, who may: "owner" (their own services; staff
# any), "list" (the signed-in caller's own list), "staff" (MANAGE_ORDERS), "node")
OPERATIONS = {
    "myServices": ("{ myServices(first: 10) { totalCount edges { node { id } } } }", None, "list"),
    "service": ("query($id: ID!) { service(id: $id) { id password } }", "active", "owner"),
    "node": ("query($id: ID!) { node(id: $id) { id ... on Service { password } } }", "active", "node"),
    "services": ("{ services(first: 10) { totalCount } }", None, "staff"),
    "serviceCancellationRequests": ("{ serviceCancellationRequests(first: 5) { totalCount } }", None, "staff"),
    "servicePlans": ("{ servicePlans(first: 5) { totalCount } }", None, "staff"),
    "servicePlan": ("query($id: ID!) { servicePlan(id: $id) { id } }", "plan", "staff"),
    "serviceAutomationPreview": ("{ serviceAutomationPreview { step count } }", None, "staff"),
    "serviceCustomerData": ('{ serviceCustomerData(email: "customer@example.com") }', None, "staff"),
    "serviceChangePlanPreview": (
        "query($id: ID!, $plan: ID!) { serviceChangePlanPreview(id: $id, planId: $plan) { isUpgrade } }",
        "active", "owner",
    ),
    "serviceCancellationRequestCreate": (
        _mutation("serviceCancellationRequestCreate",
                  f'id: $id, input: {{type: IMMEDIATE, reason: "Bye", password: "{PASSWORD}"}}'),
        "active", "owner",
    ),
    "serviceCancellationRequestWithdraw": (
        _mutation("serviceCancellationRequestWithdraw", "id: $id"), "request", "owner",
    ),
    "servicePause": (_mutation("servicePause", "id: $id"), "active", "owner"),
    "serviceResume": (_mutation("serviceResume", "id: $id"), "paused", "owner"),
    "serviceChangePlan": (
        "mutation($id: ID!, $plan: ID!) { serviceChangePlan(id: $id, planId: $plan) "
        "{ errors { field code message } } }",
        "active", "owner",
    ),
    "serviceCancellationRequestApprove": (
        _mutation("serviceCancellationRequestApprove", "id: $id"), "request", "staff",
    ),
    "serviceCancellationRequestReject": (_mutation("serviceCancellationRequestReject", "id: $id"), "request", "staff"),
    "serviceActivate": (_mutation("serviceActivate", "id: $id"), "pending", "staff"),
    "serviceSuspend": (_mutation("serviceSuspend", "id: $id"), "active", "staff"),
    "serviceUnsuspend": (_mutation("serviceUnsuspend", "id: $id"), "suspended", "staff"),
    "serviceCancel": (_mutation("serviceCancel", "id: $id"), "active", "staff"),
    "serviceTerminate": (_mutation("serviceTerminate", "id: $id"), "suspended", "staff"),
    "serviceMarkFraud": (_mutation("serviceMarkFraud", "id: $id"), "active", "staff"),
    "serviceArchive": (_mutation("serviceArchive", "id: $id"), "cancelled", "staff"),
    "serviceUpdate": (_mutation("serviceUpdate", 'id: $id, input: {domain: "new.example"}'), "active", "staff"),
    "serviceBulkSuspend": (_mutation("serviceBulkSuspend", "ids: [$id]"), "active", "staff"),
    "serviceBulkUnsuspend": (_mutation("serviceBulkUnsuspend", "ids: [$id]"), "suspended", "staff"),
    "serviceBulkTerminate": (_mutation("serviceBulkTerminate", "ids: [$id]"), "suspended", "staff"),
    "servicePlanCreate": (
        'mutation { servicePlanCreate(input: {name: "New", variantId: "UHJvZHVjdFZhcmlhbnQ6NDI="}) '
        "{ errors { code } } }",
        None, "staff",
    ),
    "servicePlanUpdate": (_mutation("servicePlanUpdate", 'id: $id, input: {name: "Renamed"}'), "unused_plan", "staff"),
    "servicePlanDelete": (_mutation("servicePlanDelete", "id: $id"), "unused_plan", "staff"),
    "serviceRenewalMarkPaid": (_mutation("serviceRenewalMarkPaid", "id: $id"), "renewal", "staff"),
    "serviceRenewalVoid": (_mutation("serviceRenewalVoid", 'id: $id, reason: "Goodwill"'), "renewal", "staff"),
    "serviceRenewalReopen": (_mutation("serviceRenewalReopen", "id: $id"), "failed_renewal", "staff"),
    "serviceRenewalRecordRefund": (
        _mutation("serviceRenewalRecordRefund", "id: $id, amount: 1"), "paid_renewal", "staff",
    ),
    "serviceProvisioningRetry": (_mutation("serviceProvisioningRetry", "id: $id"), "pending", "staff"),
    "serviceFailedEmails": ("{ serviceFailedEmails { id recipient } }", None, "staff"),
    "serviceEmailRetry": (_mutation("serviceEmailRetry", "id: $id"), "failed_email", "staff"),
}
ROLES = ["anonymous", "owner", "other_customer", "staff_without_permission", "staff_user"]


def _expected(role: str, who: str) -> str:
    """served | denied (the permission error) | nothing (null, empty list, NOT_FOUND)."""
    if role == "staff_user":
        return "served"
    if role == "anonymous":
        return "nothing" if who == "node" else "denied"
    if who == "staff":
        return "denied"
    if role == "owner":
        return "served"
    if role == "staff_without_permission":
        return "nothing" if who == "list" else "denied"
    return "nothing"  # another customer


def test_every_operation_is_in_the_matrix():
    schema = build_schema()
    operations = set(schema.get_query_type().fields) | set(schema.get_mutation_type().fields)
    assert set(OPERATIONS) == operations


def _assert_no_server_error(content):
    for error in content.get("errors") or []:
        assert error["message"] != "Internal Server Error", error
        assert (error.get("extensions") or {}).get("exception", {}).get("code") != "INTERNAL_ERROR", error


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_access(operation, role, api, world, request, customer):
    document, target, who = OPERATIONS[operation]
    callers = {"anonymous": None, "owner": customer}
    user = callers[role] if role in callers else request.getfixturevalue(role)
    variables = {"id": world[target]} if target else {}
    if "$plan" in document:
        variables["plan"] = world["bigger"]
    before = snapshot()

    content = api.post(document, variables, user=user, expect_errors=True)
    _assert_no_server_error(content)
    data = (content.get("data") or {}).get(operation)
    errors = content.get("errors")
    expected = _expected(role, who)

    if expected == "served":
        assert errors is None, errors
        assert data is not None
        if isinstance(data, dict) and "errors" in data:
            assert data["errors"] == []
        return

    if expected == "denied":
        assert data is None
        assert [error["extensions"]["exception"]["code"] for error in errors] == ["PermissionDenied"]
    elif who == "list":  # signed in, but none of these services are theirs
        assert errors is None and data["totalCount"] == 0
    elif operation in ("service", "node"):  # reads as one that does not exist
        assert errors is None and data is None
    elif operation == "serviceChangePlanPreview":
        assert data is None
        [error] = errors
        assert (error["message"], error["extensions"]["code"]) == ("Service not found.", "NOT_FOUND")
    else:
        assert errors is None
        assert [e["code"] for e in data["errors"]] == ["NOT_FOUND"]
    assert snapshot() == before


def test_a_missing_id_answers_as_someone_elses_does(api, world, other_customer, staff_without_permission):
    """Nothing distinguishes an id that does not exist from one that is not the caller's."""
    missing = global_id("Service", 10**9)
    for user in (other_customer, staff_without_permission):
        answers = []
        for target in (world["active"], missing):
            content = api.post(OPERATIONS["servicePause"][0], {"id": target}, user=user, expect_errors=True)
            answers.append((content.get("data"), [e["message"] for e in content.get("errors") or []]))
        assert answers[0] == answers[1]
