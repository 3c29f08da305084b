"""The access matrix both tiers run: every query and mutation × every kind of caller.

Who gets what:
- anonymous: the permission error ("sign in"), or nothing for `node`;
- the owner: their services and self-service actions; the permission error for staff operations;
- another customer: nothing (null, an empty list, NOT_FOUND in `errors`), exactly as for
  an id that does not exist, so ids reveal nothing;
- staff without MANAGE_ORDERS: customers for their own services only, so the permission
  error for anyone else's service and for every staff operation;
- staff with MANAGE_ORDERS restricted to another channel: served where no service is
  involved (plans; lists, counts, preview and export answer empty), and for every
  service, request or renewal of another channel exactly what another customer gets;
- staff with MANAGE_ORDERS, and an app with it: everything;
- an app without MANAGE_ORDERS: the permission error (it has no services of its own).

Each tier builds a `world` (ids by name, and `password`, `email`, `variant`, `bigger`)
and its callers, posts each document and hands the answer to `check_answer`.
"""

import re


def _mutation(root, arguments, selection="errors { field code message }"):
    return f"mutation($id: ID!) {{ {root}({arguments}) {{ {selection} }} }}"


# name: (document, the world's id it acts on, who may: "owner" (their own services; staff
# any), "list" (the signed-in caller's own list), "staff" (MANAGE_ORDERS), "node", "self"
# (any signed-in person, for themselves: a portal link to their own services))
OPERATIONS = {
    "myServices": ("{ myServices(first: 10) { totalCount edges { node { id } } } }", None, "list"),
    "service": ("query($id: ID!) { service(id: $id) { id password } }", "active", "owner"),
    "node": ("query($id: ID!) { node(id: $id) { id ... on Service { password } } }", "active", "node"),
    "services": ("{ services(first: 10) { totalCount } }", None, "staff"),
    "serviceCancellationRequests": ("{ serviceCancellationRequests(first: 5) { totalCount } }", None, "staff"),
    "servicePlans": ("{ servicePlans(first: 5) { totalCount } }", None, "staff"),
    "servicePlan": ("query($id: ID!) { servicePlan(id: $id) { id } }", "plan", "staff"),
    "serviceCatalogueVariants": (
        "{ serviceCatalogueVariants(first: 5) { id productName prices { channelSlug } plan { id } } }",
        None, "staff",
    ),
    "serviceAutomationPreview": ("{ serviceAutomationPreview { step count } }", None, "staff"),
    "serviceCustomerData": ("query($email: String!) { serviceCustomerData(email: $email) }", None, "staff"),
    "serviceChangePlanPreview": (
        "query($id: ID!, $plan: ID!) { serviceChangePlanPreview(id: $id, planId: $plan) { isUpgrade } }",
        "active", "owner",
    ),
    "serviceCancellationRequestCreate": (
        "mutation($id: ID!, $password: String) { serviceCancellationRequestCreate("
        'id: $id, input: {type: IMMEDIATE, reason: "Bye", password: $password}) { errors { field code message } } }',
        "active", "owner",
    ),
    "serviceCancellationRequestWithdraw": (
        _mutation("serviceCancellationRequestWithdraw", "id: $id"), "request", "owner",
    ),
    "servicePause": (_mutation("servicePause", "id: $id"), "active", "owner"),
    "serviceResume": (_mutation("serviceResume", "id: $id"), "paused", "owner"),
    "serviceReactivate": (_mutation("serviceReactivate", "id: $id"), "reactivatable", "owner"),
    "servicePortalSessionCreate": (
        'mutation { servicePortalSessionCreate(returnUrl: "https://shop.example.com/") { errors { code } } }',
        None, "self",
    ),
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
        'mutation($variant: ID!) { servicePlanCreate(input: {name: "New", variantId: $variant}) '
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
ROLES = [
    "anonymous",
    "owner",
    "other_customer",
    "staff_without_permission",
    "restricted_staff",
    "staff_user",
    "app_with_permission",
    "app_without_permission",
]
# Targets that are no service (nor a row of one): channel restrictions do not apply.
NOT_OF_A_SERVICE = {None, "plan", "unused_plan"}


def expected_answer(role: str, who: str, target: str | None = None) -> str:
    """served | denied (the permission error) | nothing (null, empty list, NOT_FOUND)."""
    if role in ("staff_user", "app_with_permission") and who != "self":
        return "served"
    if role == "app_without_permission":
        return "denied"
    if who == "self":  # a person's own portal link: never an app's
        return "denied" if role in ("anonymous", "app_with_permission") else "served"
    if role == "restricted_staff":
        return "served" if who in ("staff", "list") and target in NOT_OF_A_SERVICE else "nothing"
    if role == "anonymous":
        return "nothing" if who == "node" else "denied"
    if who == "staff":
        return "denied"
    if role == "owner":
        return "served"
    if role == "staff_without_permission":
        return "nothing" if who == "list" else "denied"
    return "nothing"  # another customer


def variables_for(document: str, target: str | None, world: dict) -> dict:
    """The document's variables: `$id` is the target's id, the others come from the world
    (`$plan` is the bigger plan)."""
    names = set(re.findall(r"\$(\w+)", document))
    variables = {"id": world[target]} if target else {}
    aliases = {"plan": "bigger"}
    for name in names - {"id"}:
        variables[name] = world[aliases.get(name, name)]
    return variables


def assert_no_server_error(content):
    for error in content.get("errors") or []:
        assert error["message"] != "Internal Server Error", error
        assert (error.get("extensions") or {}).get("exception", {}).get("code") != "INTERNAL_ERROR", error


def _assert_nothing_of_another_channel(operation, data):
    """What restricted staff are served holds nothing of the channel they cannot see."""
    if operation in ("services", "serviceCancellationRequests", "myServices"):
        assert data["totalCount"] == 0
    elif operation == "serviceAutomationPreview":
        assert all(step["count"] == 0 for step in data)
    elif operation == "serviceCustomerData":
        assert data["services"] == []
    elif operation == "serviceFailedEmails":
        assert data == []


def check_answer(operation: str, role: str, content: dict) -> bool:
    """Assert the answer is what `role` should get; True when it is a refusal (the caller
    then checks that nothing changed)."""
    document, target, who = OPERATIONS[operation]
    assert_no_server_error(content)
    data = (content.get("data") or {}).get(operation)
    errors = content.get("errors")
    expected = expected_answer(role, who, target)

    if expected == "served":
        assert errors is None, errors
        assert data is not None
        if isinstance(data, dict) and "errors" in data:
            assert data["errors"] == []
        if role == "restricted_staff":
            _assert_nothing_of_another_channel(operation, data)
        return False

    if expected == "denied":
        assert data is None
        assert [error["extensions"]["exception"]["code"] for error in errors] == ["PermissionDenied"], errors
    elif who == "list":  # signed in, but none of these services are theirs
        assert errors is None and data["totalCount"] == 0
    elif operation in ("service", "node"):  # reads as one that does not exist
        assert errors is None and data is None
    elif operation == "serviceChangePlanPreview":
        assert data is None
        [error] = errors
        assert error["message"] == "Service not found.", error
    else:
        assert errors is None, errors
        assert [e["code"] for e in data["errors"]] == ["NOT_FOUND"], data
    return True
