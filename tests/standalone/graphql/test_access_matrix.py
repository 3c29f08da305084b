"""Every operation × {anonymous, other customer, staff without MANAGE_ORDERS, staff with it}.

Refusals answer exactly as for something that does not exist (customers) or with a
permission error (staff operations), and change nothing.
"""

import pytest

from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import CancellationType, ServiceStatus
from saleor_services.graphql.ids import global_id
from saleor_services.models import ServicePlan

from ..conftest import PASSWORD, snapshot
from .conftest import gid


@pytest.fixture
def world(make_service, customer, as_customer, settings):
    from decimal import Decimal

    from saleor_services.enums import RenewalKind
    from saleor_services.models import Renewal

    active = make_service()
    bigger = ServicePlan.objects.create(name="Bigger", variant_id=998, price_amount=Decimal(99), currency="USD")
    active.plan.change_targets.add(bigger)
    renewal = Renewal.objects.create(
        service=active, kind=RenewalKind.RENEWAL, period_start=active.next_due_date,
        period_end=active.next_due_date, amount=Decimal(10), currency="USD", due_date=active.next_due_date,
    )
    settings.SALEOR_SERVICES = {
        "PROVISIONER": "saleor_services.provisioning.manual.ManualProvisioner",
    }
    requested = make_service()
    request = cancellation_request_create(
        service_id=requested.pk, actor=as_customer, type=CancellationType.END_OF_BILLING_PERIOD,
        reason="Bye", password=PASSWORD,
    )
    return {
        "active": gid(active),
        "pending": gid(make_service(ServiceStatus.PENDING)),
        "suspended": gid(make_service(ServiceStatus.SUSPENDED)),
        "paused": gid(make_service(ServiceStatus.PAUSED)),
        "cancelled": gid(make_service(ServiceStatus.CANCELLED)),
        "request": gid(request),
        "unused_plan": gid(ServicePlan.objects.create(name="Unused", variant_id=999)),
        "plan": gid(active.plan),
        "renewal": global_id("ServiceRenewal", renewal.pk),
        "bigger": gid(bigger),
    }


def _mutation(root, arguments, selection="errors { field code message }"):
    return f"mutation($id: ID!) {{ {root}({arguments}) {{ {selection} }} }}"


# name: (document, variables from the world, who may: "owner" (own services; staff any) or "staff")
OPERATIONS = {
    "myServices": ("{ myServices(first: 10) { totalCount edges { node { id } } } }", None, "list"),
    "service": ("query($id: ID!) { service(id: $id) { id } }", "active", "owner"),
    "services": ("{ services(first: 10) { totalCount } }", None, "staff"),
    "serviceCancellationRequests": ("{ serviceCancellationRequests(first: 5) { totalCount } }", None, "staff"),
    "servicePlans": ("{ servicePlans(first: 5) { totalCount } }", None, "staff"),
    "servicePlan": ("query($id: ID!) { servicePlan(id: $id) { id } }", "plan", "staff"),
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
    "serviceAutomationPreview": ("{ serviceAutomationPreview { step count } }", None, "staff"),
    "serviceRenewalMarkPaid": (_mutation("serviceRenewalMarkPaid", "id: $id"), "renewal", "staff"),
    "serviceProvisioningRetry": (_mutation("serviceProvisioningRetry", "id: $id"), "pending", "staff"),
    "serviceChangePlanPreview": (
        "query($id: ID!, $plan: ID!) { serviceChangePlanPreview(id: $id, planId: $plan) { isUpgrade } }",
        "active", "owner",
    ),
    "serviceChangePlan": (
        "mutation($id: ID!, $plan: ID!) { serviceChangePlan(id: $id, planId: $plan) "
        "{ errors { field code message } } }",
        "active", "owner",
    ),
}
ROLES = ["anonymous", "other_customer", "staff_without_permission", "staff_user", "owner"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_access(operation, role, api, world, request, customer):
    document, target, who = OPERATIONS[operation]
    if role == "owner" and who == "staff":
        role = "customer_on_staff_operation"
    if role == "anonymous":
        user = None
    elif role in ("owner", "customer_on_staff_operation"):
        user = customer
    else:
        user = request.getfixturevalue(role)
    variables = {"id": world[target]} if target else {}
    if "$plan" in document:
        variables["plan"] = world["bigger"]
    before = snapshot()

    content = api.post(document, variables, user=user, expect_errors=True)
    data = (content.get("data") or {}).get(operation)
    errors = content.get("errors")

    allowed = role == "staff_user" or (role == "owner" and who in ("owner", "list"))
    if allowed:
        assert errors is None, errors
        assert data is not None
        if isinstance(data, dict) and "errors" in data:
            assert data["errors"] == []
        return

    if role == "anonymous" or who == "staff":
        assert data is None
        assert errors[0]["extensions"]["exception"]["code"] == "PermissionDenied"
    elif who == "list":  # signed in, but none of these services are theirs
        assert errors is None and data["totalCount"] == 0
    elif operation == "service":  # someone else's service reads as one that does not exist
        assert errors is None and data is None
    elif operation == "serviceChangePlanPreview":
        assert data is None and errors[0]["message"] == "Service not found."
    else:
        assert errors is None
        assert [e["code"] for e in data["errors"]] == ["NOT_FOUND"]
    assert snapshot() == before
