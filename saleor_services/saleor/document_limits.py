"""The document limits (graphql/limits.py) in front of Saleor's own parser.

Saleor's /graphql/ parses and validates every document with graphql-core 2, by recursion,
before any resolver of ours runs: a document nesting a few hundred brackets, a fragment
spreading itself, or a long chain of fragments ends in a RecursionError that Saleor's view
does not catch, so the caller gets an HTTP 500 (and Saleor logs a traceback). So the backend
Saleor's view parses with checks the document first; a refusal is a GraphQL error with
`extensions.code` (QUERY_TOO_DEEP, FRAGMENT_CYCLE) that Saleor's view answers as it answers
a syntax error: HTTP 400, JSON.

Across Saleor's whole schema the field depth allowed is MAX_NESTING, well beyond what
Saleor's clients ask; inside the package's own types MAX_QUERY_DEPTH still applies while
resolving (limits.check_recursion), as on every host.
"""

from ..graphql import limits
from ..graphql.errors import ServiceGraphQLError

_GUARDED = "saleor_services_guarded"


class DocumentRefused(ServiceGraphQLError, ValueError):
    """A document beyond the limits. A ValueError, because Saleor's view answers a
    ValueError raised while parsing as an invalid document (HTTP 400)."""


def refuse_beyond_limits(document_string) -> None:
    """Raise DocumentRefused for a document beyond the limits; anything else (a syntax
    error included) is left to Saleor."""
    if not isinstance(document_string, str):
        return
    _document, errors = limits.check_document(document_string, max_depth=limits.MAX_NESTING)
    for error in errors:
        if isinstance(error, ServiceGraphQLError):
            raise DocumentRefused(error.message, code=error.code, nodes=error.nodes)


def guard_backend(api_module) -> None:
    """Check documents before `api_module.backend` (Saleor's cached backend, the one its
    URL conf gives the view) parses them. The check runs on a cache miss only: a refused
    document is never cached, an accepted one passed it."""
    backend = api_module.backend
    parser = getattr(backend, "backend", backend)  # GraphQLCachedBackend wraps Saleor's
    original = parser.document_from_string
    if getattr(original, _GUARDED, False):
        return

    def document_from_string(schema, document_string):
        refuse_beyond_limits(document_string)
        return original(schema, document_string)

    setattr(document_from_string, _GUARDED, True)
    parser.document_from_string = document_from_string


# graphene 2's date parsers (aniso8601) raise NotImplementedError, IndexError or ValueError
# on strings such as "-50", "T82" or "+TZ8"; Saleor's Date and DateTime catch only some, so
# `serviceAutomationPreview(date: "-50")` (or any Date argument of Saleor's) was an HTTP 500.
_UNPARSABLE = (ValueError, IndexError, NotImplementedError, OverflowError, TypeError)


def guard_date_scalars() -> None:
    """Have Saleor's Date and DateTime refuse (None: a GraphQL validation error) what they
    cannot parse. Runs before Saleor builds its schema, which reads `parse_value` then."""
    from saleor.graphql.core import scalars

    for scalar in (scalars.Date, scalars.DateTime):
        original = scalar.parse_value
        if getattr(original, _GUARDED, False):
            continue

        def parse_value(value, _original=original):
            try:
                return _original(value)
            except _UNPARSABLE:
                return None

        setattr(parse_value, _GUARDED, True)
        scalar.parse_value = staticmethod(parse_value)
