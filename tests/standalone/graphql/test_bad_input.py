"""Property-based bad input: malformed and foreign ids, huge and empty strings, NUL bytes,
negative and enormous numbers, wrong enum values, broken dates and cursors.

Whatever arrives, the endpoint answers (200 with GraphQL errors, or 400 for a broken
envelope), never with an internal error, and a refused request changes nothing.
"""

import base64

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..conftest import snapshot

ID_TYPES = ["Service", "ServicePlan", "ServiceCancellationRequest", "Order", "ProductVariant", "Product", ""]

# Real ids of the test's rows, filled in by the test, so bad values also reach real rows.
REAL_IDS: list[str] = []

raw_ids = st.one_of(
    st.integers(0, 10).map(lambda index: REAL_IDS[index % len(REAL_IDS)]),
    st.text(max_size=50),
    st.builds(
        lambda kind, pk: base64.b64encode(f"{kind}:{pk}".encode()).decode(),
        st.sampled_from(ID_TYPES),
        st.one_of(st.integers(-(10**30), 10**30).map(str), st.text(max_size=20)),
    ),
    st.sampled_from(["", "U2VydmljZTox", "U2VydmljZTow", "===", "U2VydmljZTotMQ=="]),
)
texts = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", " ", "\x00", "a\x00b", "x" * 5000, "'; DROP TABLE saleor_services_service; --"]),
)
numbers = st.one_of(
    st.integers(-(2**40), 2**40), st.floats(allow_nan=False), st.sampled_from([0, -1, 10**20, 1e308])
)
dates = st.one_of(st.dates().map(str), texts, st.sampled_from(["2026-02-30", "99999-01-01", "0000-00-00"]))
enum_values = st.one_of(
    st.sampled_from(["IMMEDIATE", "END_OF_BILLING_PERIOD", "MONTHLY", "ACTIVE", "ARCHIVED", "NAME", "ASC"]), texts
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, texts),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(texts, children, max_size=4)),
    max_leaves=12,
)
anything = st.one_of(raw_ids, texts, numbers, st.none(), json_values)

OPERATIONS = {
    "cancellation_create": (
        "mutation($id: ID!, $type: ServiceCancellationType!, $reason: String!, $password: String) {"
        " serviceCancellationRequestCreate(id: $id, input: {type: $type, reason: $reason, password: $password})"
        " { errors { code } } }",
        st.fixed_dictionaries({"id": raw_ids, "type": enum_values, "reason": texts, "password": texts}),
    ),
    "pause": (
        "mutation($id: ID!, $resumeOn: Date) { servicePause(id: $id, resumeOn: $resumeOn) { errors { code } } }",
        st.fixed_dictionaries({"id": raw_ids, "resumeOn": dates}),
    ),
    "suspend": (
        "mutation($id: ID!, $reason: String) { serviceSuspend(id: $id, reason: $reason) { errors { code } } }",
        st.fixed_dictionaries({"id": raw_ids, "reason": texts}),
    ),
    "update": (
        "mutation($id: ID!, $input: ServiceUpdateInput!) { serviceUpdate(id: $id, input: $input) { errors { code } } }",
        st.fixed_dictionaries({
            "id": raw_ids,
            "input": st.fixed_dictionaries({}, optional={
                "domain": texts, "nextDueDate": dates, "recurringAmount": numbers, "password": texts,
                "options": json_values, "username": texts,
                "metadata": st.lists(st.fixed_dictionaries({"key": texts, "value": texts}), max_size=3),
            }),
        }),
    ),
    "bulk": (
        "mutation($ids: [ID!]!, $reason: String) "
        "{ serviceBulkSuspend(ids: $ids, reason: $reason) { count errors { code } } }",
        st.fixed_dictionaries({"ids": st.lists(raw_ids, max_size=120), "reason": texts}),
    ),
    "plan_create": (
        "mutation($input: ServicePlanCreateInput!) { servicePlanCreate(input: $input) { errors { code } } }",
        st.fixed_dictionaries({"input": st.fixed_dictionaries({"name": texts}, optional={
            "variantId": raw_ids, "productId": raw_ids, "billingCycle": enum_values, "noticePeriodDays": numbers,
            "cancellationMode": enum_values, "automationOverrides": json_values,
            "changeTargets": st.lists(raw_ids, max_size=3),
        })}),
    ),
    "services": (
        "query($first: Int, $last: Int, $after: String, $search: String, $filter: ServiceFilterInput,"
        " $sort: ServiceSortingInput) { services(first: $first, last: $last, after: $after, search: $search,"
        " filter: $filter, sortBy: $sort) { totalCount edges { node { id } } } }",
        st.fixed_dictionaries({}, optional={
            "first": numbers, "last": numbers, "after": texts, "search": texts,
            "filter": st.fixed_dictionaries({}, optional={
                "status": st.lists(enum_values, max_size=3), "plans": st.lists(raw_ids, max_size=3),
                "customer": texts, "servers": st.lists(texts, max_size=3),
                "nextDueDate": st.fixed_dictionaries({}, optional={"gte": dates, "lte": dates}),
            }),
            "sort": st.fixed_dictionaries({"field": enum_values, "direction": enum_values}),
        }),
    ),
    "service": ("query($id: ID!) { service(id: $id) { id password } }", st.fixed_dictionaries({"id": raw_ids})),
    "any_variables": (
        "mutation($id: ID!) { serviceCancel(id: $id) { errors { code } } }",
        st.dictionaries(st.sampled_from(["id", "other"]), anything, max_size=2),
    ),
}


def _assert_no_internal_error(response):
    assert response.status_code in (200, 400), response.content
    content = response.json()
    for error in content.get("errors") or []:
        code = (error.get("extensions") or {}).get("exception", {}).get("code")
        assert code != "INTERNAL_ERROR", error
    return content


def _refused(content) -> bool:
    if content.get("errors"):
        return True
    payload = next(iter((content.get("data") or {}).values()), None)
    return isinstance(payload, dict) and bool(payload.get("errors")) and not payload.get("count")


@pytest.mark.parametrize("operation", OPERATIONS)
def test_bad_input_never_breaks_or_changes_anything(operation, client, staff_user, make_service):
    from saleor_services.actors import Actor
    from saleor_services.cancellation import cancellation_request_create
    from standalone.auth import issue_token

    from ..conftest import PASSWORD
    from .conftest import gid

    service, other = make_service(), make_service()
    request = cancellation_request_create(
        service_id=other.pk, actor=Actor.customer(other.user), type="IMMEDIATE", reason="x", password=PASSWORD
    )
    REAL_IDS[:] = [gid(service), gid(other), gid(request), gid(service.plan)]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(staff_user)}"}
    document, variables_strategy = OPERATIONS[operation]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(variables=variables_strategy)
    def check(variables):
        before = snapshot()
        response = client.post(
            "/graphql/", {"query": document, "variables": variables}, content_type="application/json", **headers
        )
        content = _assert_no_internal_error(response)
        if _refused(content):
            assert snapshot() == before

    check()


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b"[]", b'{"query": 5}', b'{"query": "{"}', b'{"query": "{ services }"}',
     b'{"query": "query { __typename }", "variables": []}', b'{"query": "' + b"{a" * 30000 + b'"}'],
)
def test_broken_envelopes_get_an_answer(client, body):
    response = client.post("/graphql/", body, content_type="application/json")
    _assert_no_internal_error(response)
