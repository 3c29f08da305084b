"""Limits on what one GraphQL request may ask, so no request can exhaust the stack,
the memory or the database.

Two layers:
- Before a document runs (`check_document`: the standalone endpoint; a host's view or
  validation may call it too): its brackets are counted on the token stream, so the
  recursive parser never meets more than MAX_NESTING open at once; then, on the parsed
  document and without recursion across fragments, fragment cycles (FRAGMENT_CYCLE) and
  the field depth (QUERY_TOO_DEEP, fragments expanded) are checked, before graphql-core's
  own validation, some of whose rules recurse through fragment cycles without end.
- While it runs, in every host (`check_recursion`): the fields that lead back to their
  own type (`ServicePlan.changeTargets`, `ServiceCancellationRequest.service`) refuse to
  go deeper than MAX_QUERY_DEPTH, and change targets (which may point at each other,
  so each level multiplies the rows) deeper than MAX_CHANGE_TARGETS_NESTING.

Every refusal is a `ServiceGraphQLError` whose `extensions.code` is one of the codes below.
"""

from __future__ import annotations

import copy

from graphql import GraphQLError
from graphql.error import GraphQLSyntaxError
from graphql.language import ast
from graphql.language.lexer import Lexer, TokenKind
from graphql.language.source import Source

from ..validation import (
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    MAX_JSON_KEYS,
    MAX_LABEL_LENGTH,
    MAX_METADATA_ITEMS,
    MAX_METADATA_KEY_LENGTH,
    MAX_METADATA_VALUE_LENGTH,
    MAX_PASSWORD_LENGTH,
    MAX_PLAN_NAME_LENGTH,
    MAX_REASON_LENGTH,
    json_exceeds,
)
from .errors import ServiceGraphQLError

# The endpoint's limits (the standalone host's view; inside Saleor, Saleor's view applies
# its own: DATA_UPLOAD_MAX_MEMORY_SIZE, orjson's nesting limit).
MAX_REQUEST_BYTES = 1024 * 1024  # the whole HTTP body
MAX_BODY_JSON_DEPTH = 32  # arrays and objects open at once in the body (variables included)
MAX_QUERY_LENGTH = 50_000  # characters of the document

# The document's limits.
MAX_QUERY_DEPTH = 15  # fields on the longest path from the root, fragments expanded
MAX_NESTING = 64  # brackets ({, [, () open at once anywhere in the document
MAX_CHANGE_TARGETS_NESTING = 3  # changeTargets inside changeTargets

# The input bounds (validation.py), as the schema's descriptions state them.
REASON_BOUND = (
    f" At most {MAX_REASON_LENGTH} characters (or SALEOR_SERVICES['CANCELLATION_REASON_MAX_LENGTH'])."
)
LABEL_BOUND = f" At most {MAX_LABEL_LENGTH} characters."
PASSWORD_BOUND = f" At most {MAX_PASSWORD_LENGTH} characters."
PLAN_NAME_BOUND = f" At most {MAX_PLAN_NAME_LENGTH} characters."
OPTIONS_BOUND = (
    f" A JSON object of at most {MAX_JSON_BYTES // 1024} KiB, {MAX_JSON_DEPTH} levels and "
    f"{MAX_JSON_KEYS} keys and items."
)
METADATA_BOUND = (
    f" At most {MAX_METADATA_ITEMS} items; keys of 1 to {MAX_METADATA_KEY_LENGTH} characters, "
    f"values of at most {MAX_METADATA_VALUE_LENGTH}."
)

REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
INVALID_JSON = "INVALID_JSON"
INVALID_REQUEST = "INVALID_REQUEST"
INVALID_VARIABLES = "INVALID_VARIABLES"
QUERY_TOO_LONG = "QUERY_TOO_LONG"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
FRAGMENT_CYCLE = "FRAGMENT_CYCLE"

# Introspection is bounded by the schema, not by data; its depth is not counted.
_INTROSPECTION = frozenset({"__schema", "__type"})
_OPENING = {TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L}
_CLOSING = {TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R}


def too_deep(message: str | None = None) -> ServiceGraphQLError:
    return ServiceGraphQLError(
        message or f"The query is nested too deeply; at most {MAX_QUERY_DEPTH} levels of fields are allowed.",
        code=QUERY_TOO_DEEP,
    )


def json_depth_exceeds(value, limit: int = MAX_BODY_JSON_DEPTH) -> bool:
    """Whether lists and dicts nest deeper than `limit` (measured without recursion)."""
    return json_exceeds(value, max_depth=limit, max_keys=2**63) is not None


def nesting_error(query: str) -> ServiceGraphQLError | None:
    """QUERY_TOO_DEEP when more than MAX_NESTING brackets are open at once (counted on
    tokens, so strings and comments do not count). A lexical error is left to the parser."""
    lexer = Lexer(Source(query))
    depth = 0
    try:
        token = lexer.next_token()
        while token.kind != TokenKind.EOF:
            if token.kind in _OPENING:
                depth += 1
                if depth > MAX_NESTING:
                    return too_deep(
                        f"The query nests more than {MAX_NESTING} brackets; at most "
                        f"{MAX_QUERY_DEPTH} levels of fields are allowed."
                    )
            elif token.kind in _CLOSING:
                depth -= 1
            token = lexer.next_token()
    except GraphQLSyntaxError:
        return None
    return None


def _walk(selection_set, visit_spread) -> int:
    """Depth of a selection set (fields on its longest path); `visit_spread(name)` gives
    a spread fragment's depth. Recursion follows the document's own nesting only, which
    the parser (and MAX_NESTING) already bounded."""
    deepest = 0
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, ast.Field):
            if selection.name.value in _INTROSPECTION or not selection.selection_set:
                depth = 1
            else:
                depth = 1 + _walk(selection.selection_set, visit_spread)
        elif isinstance(selection, ast.InlineFragment):
            depth = _walk(selection.selection_set, visit_spread)
        elif isinstance(selection, ast.FragmentSpread):
            depth = visit_spread(selection.name.value)
        else:
            depth = 0
        deepest = max(deepest, depth)
    return deepest


def _spreads(selection_set) -> set[str]:
    names: set[str] = set()
    _walk(selection_set, lambda name: names.add(name) or 0)
    return names


def document_errors(document: ast.Document, *, max_depth: int = MAX_QUERY_DEPTH) -> list[GraphQLError]:
    """FRAGMENT_CYCLE and QUERY_TOO_DEEP errors of a parsed document (empty when fine):
    fields deeper than `max_depth` (fragments expanded), or fragments spreading fragments
    in a chain longer than MAX_NESTING (graphql-core's validation follows such chains by
    recursion, even when they add no depth)."""
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, ast.FragmentDefinition)
    }
    # Fragments in dependency order (Kahn's algorithm): no recursion across fragments,
    # however long a chain of them is; what never becomes ready is in or behind a cycle.
    waiting = {name: _spreads(fragment.selection_set) & fragments.keys() for name, fragment in fragments.items()}
    needs = {name: frozenset(needed) for name, needed in waiting.items()}
    users: dict[str, set[str]] = {name: set() for name in fragments}
    for name, needed in waiting.items():
        for other in needed:
            users[other].add(name)
    ready = [name for name, needed in waiting.items() if not needed]
    depths: dict[str, int] = {}
    chains: dict[str, int] = {}
    while ready:
        name = ready.pop()
        depths[name] = _walk(fragments[name].selection_set, lambda spread: depths.get(spread, 0))
        chains[name] = 1 + max((chains[other] for other in needs[name]), default=0)
        for user in users[name]:
            waiting[user].discard(name)
            if not waiting[user]:
                ready.append(user)
    cyclic = sorted(name for name in fragments if name not in depths)
    if cyclic:
        shown = ", ".join(cyclic[:5]) + (" …" if len(cyclic) > 5 else "")
        nodes = [fragments[name] for name in cyclic[:5]]
        return [
            ServiceGraphQLError(
                f"Fragments spread themselves in a cycle (or depend on one): {shown}.",
                code=FRAGMENT_CYCLE,
                nodes=nodes,
            )
        ]
    if max(chains.values(), default=0) > MAX_NESTING:
        return [too_deep(f"Fragments spread each other more than {MAX_NESTING} levels deep.")]
    errors = []
    for definition in document.definitions:
        if isinstance(definition, ast.OperationDefinition):
            depth = _walk(definition.selection_set, lambda spread: depths.get(spread, 0))
            if depth > max_depth:
                errors.append(
                    too_deep(f"The query is nested {depth} levels deep; at most {max_depth} are allowed.")
                )
    return errors


def check_document(query: str, *, max_depth: int = MAX_QUERY_DEPTH) -> tuple[ast.Document | None, list[GraphQLError]]:
    """The parsed document, or the errors that stop it before graphql-core validates it:
    QUERY_TOO_DEEP (fields deeper than `max_depth`), a syntax error, FRAGMENT_CYCLE."""
    from graphql import parse

    error = nesting_error(query)
    if error is not None:
        return None, [error]
    try:
        document = parse(query)
    except GraphQLSyntaxError as syntax_error:
        return None, [syntax_error]
    except RecursionError:  # cannot happen within MAX_NESTING; never let it show
        return None, [too_deep()]
    errors = document_errors(document, max_depth=max_depth)
    return (None, errors) if errors else (document, [])


# -- while running, in every host ------------------------------------------------------

_NESTING_ATTRIBUTE = "_saleor_services_change_target_nesting"


def field_depth(info) -> int:
    """Fields on the path to the one being resolved (list indexes not counted)."""
    return sum(1 for key in (info.path or ()) if isinstance(key, str))


def check_recursion(info) -> None:
    """Refuse a field that leads back to its own type beyond MAX_QUERY_DEPTH."""
    if field_depth(info) > MAX_QUERY_DEPTH:
        raise too_deep()


def next_change_target_nesting(info, plan) -> int:
    """How deep `plan`'s change targets sit among change targets; refused beyond
    MAX_CHANGE_TARGETS_NESTING (and MAX_QUERY_DEPTH). Counted on the rows, not on the
    path's names, so aliases cannot hide a level."""
    check_recursion(info)
    nesting = getattr(plan, _NESTING_ATTRIBUTE, 0) + 1
    if nesting > MAX_CHANGE_TARGETS_NESTING:
        raise too_deep(f"changeTargets may be nested at most {MAX_CHANGE_TARGETS_NESTING} levels deep.")
    return nesting


def mark_change_targets(targets: list, nesting: int) -> list:
    """Copies of the targets marked with their nesting (a loader shares its rows between
    paths, so the rows themselves cannot carry it)."""
    marked = []
    for target in targets:
        target = copy.copy(target)
        setattr(target, _NESTING_ATTRIBUTE, nesting)
        marked.append(target)
    return marked
