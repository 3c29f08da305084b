"""The guard the Saleor adapter puts in front of Saleor's parser (saleor/document_limits.py),
on graphql-core 2's own cached backend, the class Saleor's view parses with: documents
beyond the limits are refused with a coded GraphQL error that is also a ValueError (which
Saleor's view answers as an invalid document, HTTP 400); others parse as before. The
Saleor tier runs the same through Saleor's /graphql/ (tests/saleor/test_request_limits.py)."""

import types

import pytest
from graphql.backend import GraphQLCoreBackend
from graphql.backend.cache import GraphQLCachedBackend
from graphql.error import GraphQLSyntaxError

from saleor_services.graphql import limits
from saleor_services.graphql.schema import build_schema
from saleor_services.saleor.document_limits import DocumentRefused, guard_backend


@pytest.fixture
def backend():
    backend = GraphQLCachedBackend(GraphQLCoreBackend())
    api_module = types.SimpleNamespace(backend=backend)
    guard_backend(api_module)
    guard_backend(api_module)  # a second call adds no second guard
    return backend


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ " + "services { " * 400 + "totalCount" + " }" * 400 + " }", limits.QUERY_TOO_DEEP),
        ("{ services(first: 1) { ...A } } fragment A on ServiceCountableConnection { totalCount ...A }",
         limits.FRAGMENT_CYCLE),
        ("{ x " + "{ y " * 70 + "}" * 70 + " }", limits.QUERY_TOO_DEEP),
    ],
    ids=["nested_400", "fragment_cycle", "brackets_70"],
)
def test_documents_beyond_the_limits_are_refused_before_parsing(backend, query, code):
    with pytest.raises(DocumentRefused) as refused:
        backend.document_from_string(build_schema(), query)
    assert isinstance(refused.value, ValueError)
    assert refused.value.extensions == {"code": code}


def test_other_documents_are_parsed_as_before(backend):
    # Deeper than our own types allow (15), within what the guard allows across Saleor's schema.
    deep = "{ servicePlans(first: 1) { edges { node { " + "changeTargets { " * 20 + "id" + " }" * 20 + " } } } }"
    document = backend.document_from_string(build_schema(), deep)
    assert document.document_string == deep
    with pytest.raises(GraphQLSyntaxError):  # left to the parser, as Saleor expects
        backend.document_from_string(build_schema(), "{ services(")
