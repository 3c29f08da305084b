"""Scalars refuse a value that is not theirs as a GraphQL validation error, the way Saleor's
own scalars do (found by scripts/fuzz): graphene 2's Date raised IndexError on an empty
string, which took the whole request down (`data: null`) with a misleading code."""

import pytest

from saleor_services.enums import ServiceStatus

from ..conftest import snapshot
from .conftest import gid

PREVIEW = "{ serviceAutomationPreview(date: %s) { step } }"
PAUSE = "mutation { servicePause(id: %s, resumeOn: %s) { service { status } errors { code } } }"


@pytest.mark.parametrize("value", ['""', '"x"', '"2026-02-30"', '"99999-01-01"', '"-50"', '"+1"'])
def test_a_bad_date_literal_is_a_validation_error(api, staff_user, value):
    content = api.post(PREVIEW % value, user=staff_user, expect_errors=True)
    [error] = content["errors"]
    assert "Expected type" in error["message"] and "Date" in error["message"], error
    assert "code" not in error.get("extensions", {}) or error["extensions"]["code"] != "INVALID_VARIABLES"


@pytest.mark.parametrize("value", ["", "x", "2026-02-30", "-50", "T82"])
def test_a_bad_date_variable_is_a_validation_error(api, staff_user, value):
    query = "query($date: Date) { serviceAutomationPreview(date: $date) { step } }"
    content = api.post(query, {"date": value}, user=staff_user, expect_errors=True)
    [error] = content["errors"]
    assert "Date" in error["message"], error
    assert error.get("extensions", {}).get("code") != "INVALID_VARIABLES", error


def test_a_mutation_with_an_empty_date_changes_nothing_and_says_why(api, customer, make_service):
    service = make_service(ServiceStatus.ACTIVE)
    before = snapshot()
    content = api.post(PAUSE % (f'"{gid(service)}"', '""'), user=customer, expect_errors=True)
    [error] = content["errors"]
    assert "resumeOn" in error["message"] and "Expected type" in error["message"], error
    assert snapshot() == before


@pytest.mark.parametrize("scalar", ["Date", "DateTime", "UUID"])
def test_no_string_breaks_a_scalar(scalar):
    """What graphene 2's parsers raise on is refused (None) instead."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from standalone import graphql_types

    parse = getattr(graphql_types, scalar).parse_value

    @settings(max_examples=300, database=None, deadline=None)
    @given(st.one_of(st.text(max_size=30), st.from_regex(r"[0-9+\-WT:.Z]{0,20}", fullmatch=True)))
    def never_raises(value):
        parse(value)

    never_raises()
    for value in ("", "-50", "T82", "+TZ8", "0001T06", "0001-01-01T00:00:01+07:00"):
        assert parse(value) is None
