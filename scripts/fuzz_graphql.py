"""Property-based requests built from the served GraphQL schema, sent over HTTP.

Runs in its own virtualenv (scripts/fuzz makes it): hypothesis-graphql needs graphql-core 3,
the package graphene 2 / graphql-core 2. It reads the schema from the live server by
introspection, generates queries and mutations with hypothesis-graphql (mostly valid ones,
some with one schema violation), sends each as a customer and as staff, and checks:

- no HTTP 5xx and every answer is JSON;
- no internal text in any answer (tracebacks, exception class names, SQL, recursion errors,
  an INTERNAL_ERROR, or INVALID_VARIABLES, which without variables means an exception
  while reading a literal);
- a query changes nothing in the database, and a mutation whose every root field was
  refused (a GraphQL error, or a non-empty `errors` list and, for a bulk mutation, nothing
  done; the fuzzer always selects both) changes nothing either (a fingerprint of the
  package's tables, taken before and after).

Exits 1 and prints the failures when any check fails. IDs are drawn from the seeded store's
real ones (the customer's own, other customers', staff-only) as well as random text, so the
mutations reach the domain and not only the not-found path.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace

import graphql
import psycopg
from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries

# Text that must never reach a caller.
_INTERNAL = [
    re.compile(pattern)
    for pattern in (
        r"Traceback",
        r"File \"",
        r"maximum recursion",
        r"Internal Server Error",
        r"INTERNAL_ERROR",
        r"site-packages",
        r"psycopg",
        r"django\.",
        r"saleor_services\.",
        r"\bSELECT\b.*\bFROM\b",
        r"\bINSERT INTO\b",
        r"\bUPDATE\b.*\bSET\b",
        r"\bDELETE FROM\b",
        r"violates .* constraint",
        r"relation \"",
        r"<html|<!DOCTYPE",
    )
]
# An exception class name, unless it is a type the schema itself names.
_CLASS_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|DoesNotExist)\b")
# Codes the API means to send that look like class names.
_ALLOWED_NAMES = {"PermissionDenied", "GraphQLError"}
_ERRORS_ALIAS = "fuzzErrors"
_DONE_PREFIX = "fuzzDone_"


@dataclass
class Caller:
    name: str
    token: str


@dataclass
class Outcome:
    requests: int = 0
    refused: int = 0
    failures: list[dict] = field(default_factory=list)


def post(url: str, token: str | None, document: str, timeout: float = 60) -> tuple[int, str, str]:
    body = json.dumps({"query": document}).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode(errors="replace")


def served_schema(url: str, token: str) -> graphql.GraphQLSchema:
    status, _, text = post(url, token, graphql.get_introspection_query())
    if status != 200:
        raise SystemExit(f"introspection failed: HTTP {status}: {text[:500]}")
    return graphql.build_client_schema(json.loads(text)["data"])


def collect_ids(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "id" and isinstance(item, str):
                found.add(item)
            else:
                collect_ids(item, found)
    elif isinstance(value, list):
        for item in value:
            collect_ids(item, found)
    return found


_IDS_QUERY = """
{
  services(first: 100) { edges { node { id plan { id } renewals { id } cancellationRequest { id } } } }
  servicePlans(first: 50) { edges { node { id } } }
  serviceCancellationRequests(first: 50) { edges { node { id } } }
}
"""


def store_ids(url: str, token: str) -> list[str]:
    status, _, text = post(url, token, _IDS_QUERY)
    if status != 200:
        raise SystemExit(f"listing the store's ids failed: HTTP {status}: {text[:500]}")
    return sorted(collect_ids(json.loads(text).get("data"), set()))


def _json_node(value) -> graphql.ValueNode:
    if value is None:
        return graphql.NullValueNode()
    if isinstance(value, bool):
        return graphql.BooleanValueNode(value=value)
    if isinstance(value, int):
        return graphql.IntValueNode(value=str(value))
    if isinstance(value, float):
        return graphql.FloatValueNode(value=repr(value))
    if isinstance(value, str):
        return graphql.StringValueNode(value=value)
    if isinstance(value, list):
        return graphql.ListValueNode(values=tuple(_json_node(item) for item in value))
    return graphql.ObjectValueNode(
        fields=tuple(
            graphql.ObjectFieldNode(name=graphql.NameNode(value=key), value=_json_node(item))
            for key, item in value.items()
        )
    )


def custom_scalars(ids: list[str]) -> dict:
    text = st.text(max_size=30)
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text,
        lambda children: st.lists(children, max_size=4)
        | st.dictionaries(st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}", fullmatch=True), children, max_size=4),
        max_leaves=12,
    )
    return {
        "ID": (st.sampled_from(ids) if ids else text).map(nodes.String) | text.map(nodes.String),
        "Date": st.dates().map(lambda d: nodes.String(d.isoformat())) | text.map(nodes.String),
        "DateTime": st.datetimes().map(lambda d: nodes.String(d.isoformat())) | text.map(nodes.String),
        "UUID": st.uuids().map(nodes.String) | text.map(nodes.String),
        "PositiveDecimal": st.decimals(allow_nan=False, allow_infinity=False).map(nodes.String)
        | st.integers().map(nodes.Int)
        | st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float)
        | text.map(nodes.String),
        "JSON": json_values.map(_json_node),
    }


def _field(name: str, alias: str | None = None, selections=()) -> graphql.FieldNode:
    return graphql.FieldNode(
        alias=graphql.NameNode(value=alias) if alias else None,
        name=graphql.NameNode(value=name),
        arguments=(),
        directives=(),
        selection_set=graphql.SelectionSetNode(selections=tuple(selections)) if selections else None,
    )


def _done_lists(payload: graphql.GraphQLObjectType) -> list[str]:
    """A bulk payload's lists of what it did (`services`): a refusal leaves them empty."""
    return [
        name
        for name, payload_field in payload.fields.items()
        if name != "errors"
        and isinstance(graphql.get_nullable_type(payload_field.type), graphql.GraphQLList)
        and isinstance(graphql.get_named_type(payload_field.type), graphql.GraphQLObjectType)
    ]


def with_errors_selected(schema: graphql.GraphQLSchema, document: graphql.DocumentNode) -> graphql.DocumentNode:
    """The document, with every mutation payload also selecting `errors { code }` (as
    `fuzzErrors`) and what a bulk payload did (`fuzzDone_<list>: <list> { __typename }`), so
    that a refusal is always visible in the answer."""
    mutation_type = schema.mutation_type

    def with_errors(selection):
        if not isinstance(selection, graphql.FieldNode):
            return selection
        root = mutation_type.fields.get(selection.name.value)
        payload = graphql.get_named_type(root.type) if root else None
        if not isinstance(payload, graphql.GraphQLObjectType) or "errors" not in payload.fields:
            return selection
        added = [_field("errors", _ERRORS_ALIAS, [_field("code")])]
        added += [_field(name, _DONE_PREFIX + name, [_field("__typename")]) for name in _done_lists(payload)]
        existing = tuple(selection.selection_set.selections) if selection.selection_set else ()
        return replace(selection, selection_set=graphql.SelectionSetNode(selections=(*existing, *added)))

    definitions = []
    for definition in document.definitions:
        if (
            isinstance(definition, graphql.OperationDefinitionNode)
            and definition.operation == graphql.OperationType.MUTATION
        ):
            selections = tuple(with_errors(selection) for selection in definition.selection_set.selections)
            definition = replace(definition, selection_set=graphql.SelectionSetNode(selections=selections))
        definitions.append(definition)
    return graphql.DocumentNode(definitions=tuple(definitions))


def fingerprint(database_url: str, ignored: set[str]) -> dict[str, str]:
    """Row count and a hash of every row of each of the package's tables."""
    with psycopg.connect(database_url, autocommit=True) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'public' and table_name like 'saleor\\_services\\_%' order by 1"
            )
            if row[0] not in ignored
        ]
        result = {}
        for table in tables:
            count, digest = connection.execute(
                f'select count(*), md5(coalesce(string_agg(t::text, \'|\' order by t::text), \'\')) from "{table}" t'
            ).fetchone()
            result[table] = f"{count}:{digest}"
        return result


def internal_text(text: str, document: str, schema_names: set[str]) -> str | None:
    """The first internal-looking text in an answer that is not an echo of the document
    (Hypothesis also draws strings from this module's own literals, so a document may
    well ask for the id "psycopg")."""
    for pattern in _INTERNAL:
        for match in pattern.finditer(text):
            if match.group(0) not in document:
                return match.group(0)
    for match in _CLASS_NAME.finditer(text):
        name = match.group(0)
        if name not in schema_names and name not in _ALLOWED_NAMES and name not in document:
            return name
    return None


def refused_everywhere(document: graphql.DocumentNode, answer: dict) -> bool:
    """Whether every root field of the (mutation) document was refused."""
    data = answer.get("data")
    if not isinstance(data, dict):
        return True
    for definition in document.definitions:
        if not isinstance(definition, graphql.OperationDefinitionNode):
            continue
        for selection in definition.selection_set.selections:
            if not isinstance(selection, graphql.FieldNode):
                return False
            key = selection.alias.value if selection.alias else selection.name.value
            payload = data.get(key)
            if payload is None:
                continue
            if (
                isinstance(payload, dict)
                and payload.get(_ERRORS_ALIAS)
                and not any(value for key, value in payload.items() if key.startswith(_DONE_PREFIX))
            ):
                continue
            return False
    return True


class Fuzzer:
    def __init__(self, *, url, database_url, schema, ids, ignored_tables, max_failures=20):
        self.url = url
        self.database_url = database_url
        self.schema = schema
        self.scalars = custom_scalars(ids)
        self.ignored_tables = ignored_tables
        self.schema_names = set(schema.type_map)
        self.max_failures = max_failures

    def strategy(self, kind: str, negative_share: int):
        build = queries if kind == "query" else mutations
        # No null literals: graphql-core 2 (the server's) cannot parse them, so they would
        # only ever reach the syntax error.
        options = {"custom_scalars": self.scalars, "print_ast": lambda document: document, "allow_null": False}
        positive = build(self.schema, **options)
        negative = build(self.schema, mode=Mode.NEGATIVE, **options)
        if not negative_share:
            return positive
        return st.integers(0, 99).flatmap(lambda n: negative if n < negative_share else positive)

    def check(self, caller: Caller, kind: str, document: graphql.DocumentNode, outcome: Outcome) -> None:
        if kind == "mutation":
            document = with_errors_selected(self.schema, document)
        text_document = graphql.print_ast(document)
        before = fingerprint(self.database_url, self.ignored_tables)
        status, content_type, text = post(self.url, caller.token, text_document)
        after = fingerprint(self.database_url, self.ignored_tables)
        outcome.requests += 1
        problems = []
        if status >= 500:
            problems.append(f"HTTP {status}")
        if "application/json" not in content_type:
            problems.append(f"not JSON: {content_type!r}")
        leaked = internal_text(text, text_document, self.schema_names)
        if leaked:
            problems.append(f"internal text: {leaked!r}")
        try:
            answer = json.loads(text)
        except ValueError:
            answer = {}
        if '"INVALID_VARIABLES"' in text:
            # No variables are sent: the server hid an exception raised while reading a literal.
            problems.append("INVALID_VARIABLES without variables")
        changed = sorted(table for table in after if before.get(table) != after[table])
        if kind == "query" and changed:
            problems.append(f"a query changed {changed}")
        if kind == "mutation" and refused_everywhere(document, answer):
            outcome.refused += 1
            if changed:
                problems.append(f"a refused mutation changed {changed}")
        if problems and len(outcome.failures) < self.max_failures:
            failure = {"caller": caller.name, "kind": kind, "problems": problems, "status": status,
                       "document": text_document[:3000], "answer": text[:3000]}
            outcome.failures.append(failure)
            # As found, so a long run shows its failures before it ends.
            print(json.dumps(failure, ensure_ascii=False), file=sys.stderr, flush=True)
        elif problems:
            outcome.failures.append({"caller": caller.name, "kind": kind, "problems": problems})

    def run(self, caller: Caller, kind: str, examples: int, negative_share: int, random_seed: int) -> Outcome:
        outcome = Outcome()
        if examples <= 0:
            return outcome

        @seed(random_seed)
        @settings(
            max_examples=examples,
            database=None,
            deadline=None,
            phases=[Phase.generate],  # no shrinking: the store changes between examples
            suppress_health_check=list(HealthCheck),
            verbosity=Verbosity.quiet,
        )
        @given(self.strategy(kind, negative_share))
        def one(document):
            self.check(caller, kind, document, outcome)

        one()
        return outcome


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the GraphQL endpoint, e.g. http://127.0.0.1:8000/graphql/")
    parser.add_argument("--database-url", required=True, help="the server's database, for the fingerprints")
    parser.add_argument("--customer-token", required=True)
    parser.add_argument("--staff-token", required=True)
    parser.add_argument("--queries", type=int, default=2000, help="queries per caller")
    parser.add_argument("--mutations", type=int, default=2000, help="mutations per caller")
    parser.add_argument("--negative-share", type=int, default=20, help="percent of documents with a schema violation")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--ignore-table", action="append", default=[], help="a table left out of the fingerprint")
    parser.add_argument("--report", help="write every failure to this JSON file")
    args = parser.parse_args(argv)

    staff = Caller("staff", args.staff_token)
    customer = Caller("customer", args.customer_token)
    schema = served_schema(args.url, staff.token)
    ids = sorted(set(store_ids(args.url, staff.token)) | set(store_ids(args.url, customer.token)))
    fuzzer = Fuzzer(
        url=args.url, database_url=args.database_url, schema=schema, ids=ids, ignored_tables=set(args.ignore_table)
    )
    print(f"fuzz: schema with {len(schema.query_type.fields)} queries and "
          f"{len(schema.mutation_type.fields)} mutations; {len(ids)} ids from the store", flush=True)
    failures = []
    for kind, examples in (("query", args.queries), ("mutation", args.mutations)):
        for caller in (customer, staff):
            outcome = fuzzer.run(caller, kind, examples, args.negative_share, args.seed)
            refused = f", {outcome.refused} refused" if kind == "mutation" else ""
            print(f"fuzz: {outcome.requests} {kind} documents as {caller.name}{refused}, "
                  f"{len(outcome.failures)} failing", flush=True)
            if outcome.requests < examples:
                failures.append({"caller": caller.name, "kind": kind,
                                 "problems": [f"only {outcome.requests} of {examples} documents were generated"]})
            failures += outcome.failures
    if args.report:
        with open(args.report, "w") as report:
            json.dump(failures, report, indent=2)
    for failure in failures[:10]:
        print(json.dumps(failure, indent=2, ensure_ascii=False), file=sys.stderr)
    if failures:
        print(f"fuzz: {len(failures)} failures", file=sys.stderr)
        return 1
    print("fuzz: no failures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
