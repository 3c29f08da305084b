"""A list page loads the relations the query asks for, however the query spells them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create
from saleor_services.enums import CancellationType, ServiceStatus

from ..conftest import PASSWORD

FIELDS = "id plan { name } cancellationPending canPause eventsCount renewals { id }"
SPELLINGS = {
    "written out": f"{{ myServices(first: 10) {{ edges {{ node {{ {FIELDS} }} }} }} }}",
    "named fragment": f"""fragment F on Service {{ {FIELDS} }}
        {{ myServices(first: 10) {{ edges {{ node {{ ...F }} }} }} }}""",
    "inline fragment": (
        f"{{ myServices(first: 10) {{ edges {{ ... on ServiceCountableEdge {{ "
        f"node {{ ... on Service {{ {FIELDS} }} }} }} }} }} }}"
    ),
}


def _page(api, customer, query):
    with CaptureQueriesContext(connection) as queries:
        content = api.post(query, user=customer)
    return content["data"]["myServices"]["edges"], len(queries)


def test_every_spelling_gets_the_same_page_with_the_same_queries(api, customer, make_service):
    services = [make_service(), make_service(), make_service(ServiceStatus.SUSPENDED)]
    cancellation_request_create(
        service_id=services[0].pk, actor=Actor.customer(customer),
        type=CancellationType.END_OF_BILLING_PERIOD, reason="Bye", password=PASSWORD,
    )
    _page(api, customer, SPELLINGS["written out"])  # warm-up: process-wide caches

    pages = {name: _page(api, customer, query) for name, query in SPELLINGS.items()}

    assert len({str(page) for page, _ in pages.values()}) == 1
    assert len({count for _, count in pages.values()}) == 1
    edges = pages["written out"][0]
    assert sorted(edge["node"]["cancellationPending"] for edge in edges) == [False, False, True]
    assert all(edge["node"]["plan"]["name"] == "Hosting" and edge["node"]["eventsCount"] >= 1 for edge in edges)


def test_relations_not_asked_for_are_not_loaded(api, customer, make_service):
    make_service()
    _page(api, customer, "{ myServices(first: 10) { edges { node { id } } } }")
    _, bare = _page(api, customer, "{ myServices(first: 10) { edges { node { id } } } }")
    _, with_renewals = _page(api, customer, "{ myServices(first: 10) { edges { node { id renewals { id } } } } }")
    assert with_renewals == bare + 1


def test_the_fields_asked_for_are_found_through_fragments():
    from types import SimpleNamespace

    from graphql import parse
    from graphql.language import ast

    from saleor_services.graphql.prefetch import node_fields

    document = parse(
        """query { services(first: 5) { totalCount edges { cursor node {
            id ...A ... on Service { renewals { id } } } } } }
        fragment A on Service { plan { name } ...B }
        fragment B on Service { eventsCount }"""
    )
    operation = next(d for d in document.definitions if isinstance(d, ast.OperationDefinition))
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, ast.FragmentDefinition)}
    info = SimpleNamespace(field_asts=operation.selection_set.selections, fragments=fragments)

    assert node_fields(info) == {"id", "plan", "renewals", "eventsCount"}
