"""Request limits: whatever the size or shape, the answer is a JSON GraphQL error with a
code, never an HTML page, a traceback or internal text (DEBUG on or off)."""

import json
from decimal import Decimal

import pytest

from saleor_services.graphql import limits
from saleor_services.graphql.schema import build_schema
from saleor_services.models import ServicePlan

from .conftest import gid

PLANS = "{ servicePlans(first: 5) { edges { node { %s } } } }"


def _change_targets(depth: int) -> str:
    return PLANS % ("changeTargets { " * depth + "id" + " }" * depth)


def _post(client, body, **headers):
    if not isinstance(body, bytes | str):
        body = json.dumps(body)
    return client.post("/graphql/", body, content_type="application/json", **headers)


def _refused(response, code, status=None):
    assert response["Content-Type"] == "application/json", response.content[:200]
    text = response.content.decode()
    for leak in ("Traceback", "<html", "<!DOCTYPE", "recursion", "Internal Server Error", "File \""):
        assert leak not in text, text[:500]
    content = response.json()
    assert content["errors"], content
    assert content["errors"][0]["extensions"]["code"] == code, content
    if status is not None:
        assert response.status_code == status
    return content


@pytest.fixture(params=[False, True], ids=["debug_off", "debug_on"])
def debug(request, settings):
    settings.DEBUG = request.param
    return request.param


def test_a_body_over_the_limit_is_refused_before_it_is_read(client, debug):
    padding = "x" * (limits.MAX_REQUEST_BYTES + 1)
    _refused(_post(client, {"query": "{ __typename }", "variables": {"pad": padding}}), "REQUEST_TOO_LARGE", 413)
    # Beyond Django's own DATA_UPLOAD_MAX_MEMORY_SIZE too (its answer is an HTML 400 page).
    huge = {"query": "{ __typename }", "variables": {"pad": "x" * 3_000_000}}
    _refused(_post(client, huge), "REQUEST_TOO_LARGE", 413)


def test_a_body_just_under_the_limit_is_served(client, debug):
    padding = "x" * (limits.MAX_REQUEST_BYTES - 200)
    response = _post(client, {"query": "{ __typename }", "variables": {"pad": padding}})
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("depth", [5000, 100])
def test_deeply_nested_json_is_refused(client, debug, depth):
    body = '{"query": "{ __typename }", "variables": {"x": ' + "[" * depth + "]" * depth + "}}"
    _refused(_post(client, body), "INVALID_JSON", 400)


def test_broken_json_is_refused_with_a_code(client, debug):
    _refused(_post(client, b"{not json"), "INVALID_JSON", 400)
    _refused(_post(client, b"\xff\xfe"), "INVALID_JSON", 400)


@pytest.mark.parametrize(
    "query",
    [
        "{ " + "a { " * 400 + "b" + " }" * 400 + " }",
        _change_targets(2000),
        _change_targets(20),
        "{ " + "__typename " + "(" * 300 + " }",
        'mutation { servicePlanCreate(input: {name: "x", automationOverrides: '
        + "{a: " * 500 + "1" + "}" * 500 + "}) { errors { code } } }",
    ],
    ids=["selections_400", "change_targets_2000", "change_targets_20", "parentheses", "input_object_500"],
)
def test_a_query_nested_too_deep_is_refused(client, debug, query, staff_user):
    from standalone.auth import issue_token

    _refused(
        _post(client, {"query": query}, HTTP_AUTHORIZATION=f"Bearer {issue_token(staff_user)}"),
        "QUERY_TOO_DEEP",
        400,
    )


def _service_chain(depth: int) -> str:
    """`service(id)` then cancellationRequest / service alternately, then `id`: `depth` fields."""
    middle = ["cancellationRequest", "service"] * depth
    inner = " id"
    for field in reversed(middle[: depth - 2]):
        inner = f" {field} {{{inner} }}"
    return "query($id: ID!) { service(id: $id) {" + inner + " } }"


def test_the_deepest_allowed_query_is_served_one_more_level_is_not(client, api, staff_user, make_service):
    service = make_service()
    allowed = _service_chain(limits.MAX_QUERY_DEPTH)
    assert api.post(allowed, {"id": gid(service)}, user=staff_user)["data"]["service"] == {
        "cancellationRequest": None
    }
    response = _post(client, {"query": _service_chain(limits.MAX_QUERY_DEPTH + 1), "variables": {"id": gid(service)}})
    _refused(response, "QUERY_TOO_DEEP", 400)
    assert limits.MAX_CHANGE_TARGETS_NESTING >= 1
    api.post(_change_targets(limits.MAX_CHANGE_TARGETS_NESTING), user=staff_user)


@pytest.mark.parametrize(
    "query",
    [
        "query { services { ...A } } fragment A on ServiceCountableConnection { ...B } "
        "fragment B on ServiceCountableConnection { ...A }",
        "query { services { ...A } } fragment A on ServiceCountableConnection { totalCount ...A }",
        "query { servicePlans { edges { node { ...P } } } } fragment P on ServicePlan { changeTargets { ...P } }",
    ],
    ids=["two_fragments", "self", "through_a_field"],
)
def test_a_fragment_cycle_is_refused(client, debug, query):
    _refused(_post(client, {"query": query}), "FRAGMENT_CYCLE", 400)


def _fragment_chain(count: int) -> str:
    """Fragments spreading the next at the same level: no depth, but a chain of `count`."""
    chain = "".join(f"fragment f{index} on ServiceCountableConnection{{...f{index + 1}}}" for index in range(count))
    return f"query{{services(first:1){{...f0}}}}{chain}fragment f{count} on ServiceCountableConnection{{totalCount}}"


@pytest.mark.parametrize("count", [100, 850])
def test_a_long_chain_of_fragments_is_refused_before_validation_recurses(client, debug, count):
    query = _fragment_chain(count)
    assert len(query) < limits.MAX_QUERY_LENGTH
    _refused(_post(client, {"query": query}), "QUERY_TOO_DEEP", 400)


def test_a_chain_of_fragments_within_the_limit_is_served(client, api, staff_user):
    assert api.post(_fragment_chain(limits.MAX_NESTING - 1), user=staff_user)["data"]["services"] == {
        "totalCount": 0
    }


def test_a_depth_rule_counts_fields_through_fragments():
    from graphql import parse

    deep = "query { servicePlans { ...E } } fragment E on ServicePlanCountableConnection { edges { node { " + (
        "changeTargets { " * 12 + "id" + " }" * 12
    ) + " } } }"
    [error] = limits.document_errors(parse(deep))
    assert error.extensions["code"] == "QUERY_TOO_DEEP"
    assert limits.document_errors(parse(_change_targets(3))) == []


def test_inside_any_host_recursive_fields_stop_at_the_limit(db, staff_user):
    """Without the endpoint's checks (as inside Saleor), the resolvers still refuse to
    follow change targets (which may point at each other) deeper than the limit."""
    from django.test import RequestFactory

    plans = [
        ServicePlan.objects.create(name=f"P{index}", variant_id=500 + index, price_amount=Decimal(1), currency="USD")
        for index in range(3)
    ]
    for plan in plans:
        plan.change_targets.set([other for other in plans if other != plan])
    request = RequestFactory().post("/graphql/")
    request.user = staff_user
    query = "query($id: ID!) { servicePlan(id: $id) { %s } }" % (
        "changeTargets { " * 12 + "id" + " }" * 12
    )
    result = build_schema().execute(query, variable_values={"id": gid(plans[0])}, context_value=request)
    assert result.errors
    assert {error.extensions["code"] for error in result.errors} == {"QUERY_TOO_DEEP"}


def test_the_demo_host_runs_with_debug_off_unless_asked():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    code = "import standalone.settings as s; print(s.DEBUG)"
    environment = {key: value for key, value in os.environ.items() if key != "SERVICES_DEBUG"}
    for extra, expected in (({}, "False"), ({"SERVICES_DEBUG": "1"}, "True")):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
            env=environment | extra,
        )
        assert result.stdout.strip() == expected
    assert "SERVICES_DEBUG" not in (root / "scripts" / "demo").read_text().replace("SERVICES_DEBUG=1 turns", "")
