"""Request limits through Saleor's /graphql/: a document nested hundreds of levels deep, a
fragment cycle or a long chain of fragments is refused with a GraphQL error whose
`extensions.code` names the limit (HTTP 400, JSON); an oversized or deeply nested body gets
Saleor's own JSON error. Never a server error, a traceback or internal text."""

import json

import graphene
import pytest

pytest.importorskip("saleor")

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from saleor_services.graphql import limits  # noqa: E402
from saleor_services.models import Service, ServicePlan  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

LEAKS = ("Traceback", "<html", "<!DOCTYPE", "recursion", "Internal Server Error", 'File "')
PLANS = "{ servicePlans(first: 5) { edges { node { %s } } } }"


@pytest.fixture
def service(order_with_lines):
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    ServicesPlugin(configuration=[], active=True).order_fully_paid(order_with_lines, previous_value=None)
    return Service.objects.filter(order_id=order_with_lines.pk).first()


def _raw_post(body: bytes | str, **headers):
    # raise_request_exception=False: a view that raises answers as in production (a 500).
    client = Client(raise_request_exception=False)
    return client.post(reverse("api"), body, content_type="application/json", **headers)


def _clean(response) -> dict:
    assert response.status_code < 500, response.content[:500]
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    text = response.content.decode()
    for leak in LEAKS:
        assert leak not in text, text[:500]
    content = response.json()
    assert content["errors"], content
    return content


def _refused(response, code: str, status: int = 400) -> dict:
    content = _clean(response)
    assert response.status_code == status, content
    assert content["errors"][0]["extensions"]["code"] == code, content
    return content


def _service_chain(depth: int) -> str:
    """`service(id)`, then cancellationRequest / service alternately: `depth` fields."""
    middle = ["cancellationRequest", "service"] * depth
    inner = " id"
    for field in reversed(middle[: depth - 2]):
        inner = f" {field} {{{inner} }}"
    return "query($id: ID!) { service(id: $id) {" + inner + " } }"


def _fragment_chain(count: int) -> str:
    chain = "".join(f"fragment f{index} on ServiceCountableConnection{{...f{index + 1}}}" for index in range(count))
    return f"query{{services(first:1){{...f0}}}}{chain}fragment f{count} on ServiceCountableConnection{{totalCount}}"


def _no_errors_logged(caplog):
    assert not [record for record in caplog.records if record.levelname == "ERROR"], caplog.text[-2000:]


def test_a_query_400_deep_through_cancellation_requests_is_refused(manage_orders_staff, service, caplog):
    response = manage_orders_staff.post_graphql(
        _service_chain(400), {"id": graphene.Node.to_global_id("Service", service.pk)}
    )
    _refused(response, limits.QUERY_TOO_DEEP)
    _no_errors_logged(caplog)


@pytest.mark.parametrize(
    "query",
    [
        PLANS % ("changeTargets { " * 2000 + "id" + " }" * 2000),
        "{ " + "shop { " * 400 + "name" + " }" * 400 + " }",
        "{ " + "__typename " + "(" * 300 + " }",
        _fragment_chain(850),
    ],
    ids=["change_targets_2000", "saleor_fields_400", "parentheses_300", "fragment_chain_850"],
)
def test_a_document_nested_too_deep_is_refused_before_saleor_parses_it(manage_orders_staff, query, caplog):
    _refused(manage_orders_staff.post_graphql(query), limits.QUERY_TOO_DEEP)
    _no_errors_logged(caplog)


@pytest.mark.parametrize(
    "query",
    [
        "query { services(first: 1) { ...A } } fragment A on ServiceCountableConnection { ...B } "
        "fragment B on ServiceCountableConnection { ...A }",
        "query { services(first: 1) { ...A } } fragment A on ServiceCountableConnection { totalCount ...A }",
        "query { servicePlans(first: 1) { edges { node { ...P } } } } "
        "fragment P on ServicePlan { changeTargets { ...P } }",
        "query { shop { ...S } } fragment S on Shop { name ...S }",
    ],
    ids=["two_fragments", "self", "through_a_field", "on_a_saleor_type"],
)
def test_a_fragment_cycle_is_refused(api_client, query, caplog):
    _refused(api_client.post_graphql(query), limits.FRAGMENT_CYCLE)
    _no_errors_logged(caplog)


def test_inside_our_types_the_depth_limit_applies_while_resolving(manage_orders_staff, service):
    """Within what Saleor can parse, our recursive fields still stop at MAX_QUERY_DEPTH."""
    variables = {"id": graphene.Node.to_global_id("Service", service.pk)}
    allowed = manage_orders_staff.post_graphql(_service_chain(limits.MAX_QUERY_DEPTH), variables).json()
    assert "errors" not in allowed, allowed
    assert allowed["data"]["service"] == {"cancellationRequest": None}

    ServicePlan.objects.create(name="Other", variant_id=999_999)
    for plan in ServicePlan.objects.all():
        plan.change_targets.set(ServicePlan.objects.exclude(pk=plan.pk))
    response = manage_orders_staff.post_graphql(PLANS % ("changeTargets { " * 12 + "id" + " }" * 12))
    content = _clean(response)
    assert {error["extensions"]["code"] for error in content["errors"]} == {limits.QUERY_TOO_DEEP}


def test_saleor_queries_and_introspection_are_still_served(api_client):
    from graphql.utils.introspection_query import introspection_query

    shop = api_client.post_graphql("{ shop { name } }").json()
    assert "errors" not in shop and shop["data"]["shop"]["name"] is not None
    schema = api_client.post_graphql(introspection_query).json()
    assert "errors" not in schema
    assert any(type_["name"] == "ServicePlan" for type_ in schema["data"]["__schema"]["types"])
    chain = api_client.post_graphql(_fragment_chain(limits.MAX_NESTING - 1)).json()
    assert chain["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied", chain


def test_a_body_over_saleors_upload_limit_gets_a_json_error(settings, db, caplog):
    padding = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = _raw_post(json.dumps({"query": "{ __typename }", "variables": {"pad": padding}}))
    content = _clean(response)
    assert response.status_code == 413, content
    _no_errors_logged(caplog)


@pytest.mark.parametrize("depth", [5000, 100_000])
def test_deeply_nested_json_gets_a_json_error(db, depth, caplog):
    body = '{"query": "{ __typename }", "variables": {"x": ' + "[" * depth + "]" * depth + "}}"
    response = _raw_post(body)
    content = _clean(response)
    assert response.status_code == 400, content
    _no_errors_logged(caplog)
