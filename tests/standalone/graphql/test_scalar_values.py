"""Scalars refuse a value that is not theirs as a GraphQL validation error, the way Saleor's
own scalars do (found by scripts/fuzz): graphene 2's Date raised IndexError on an empty
string, which took the whole request down (`data: null`) with a misleading code."""

import pytest

from saleor_services.enums import ServiceStatus

from ..conftest import snapshot
from .conftest import gid

PREVIEW = "{ serviceAutomationPreview(date: %s) { step } }"
PAUSE = "mutation { servicePause(id: %s, resumeOn: %s) { service { status } errors { code } } }"


@pytest.mark.parametrize("value", ['""', '"x"', '"2026-02-30"', '"99999-01-01"'])
def test_a_bad_date_literal_is_a_validation_error(api, staff_user, value):
    content = api.post(PREVIEW % value, user=staff_user, expect_errors=True)
    [error] = content["errors"]
    assert "Expected type" in error["message"] and "Date" in error["message"], error
    assert "code" not in error.get("extensions", {}) or error["extensions"]["code"] != "INVALID_VARIABLES"


@pytest.mark.parametrize("value", ["", "x", "2026-02-30"])
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
