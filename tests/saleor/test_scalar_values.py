"""Through Saleor's /graphql/, a date argument graphene 2 cannot parse ("-50", "T82", "")
is a GraphQL validation error, as a literal or a variable: never a server error (Saleor's
Date let NotImplementedError through, an HTTP 500)."""

import json

import pytest

pytest.importorskip("saleor")

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

VALUES = ["-50", "+TZ8", "T82", "", "2026-02-30"]


def _post(token_client, body):
    client = Client(raise_request_exception=False)  # a raising view answers as in production
    authorization = token_client._base_environ()["HTTP_AUTHORIZATION"]
    return client.post(reverse("api"), json.dumps(body), content_type="application/json",
                       HTTP_AUTHORIZATION=authorization)


def _refused_as_invalid(response):
    assert response.status_code in (200, 400), response.content[:300]
    content = response.json()
    [error] = content["errors"]
    assert "Date" in error["message"] or "date" in error["message"], error
    assert error["extensions"]["exception"]["code"] == "GraphQLError", error


@pytest.mark.parametrize("value", VALUES)
def test_a_bad_date_literal_is_a_validation_error(manage_orders_staff, value):
    query = '{ serviceAutomationPreview(date: "' + value + '") { step } }'
    _refused_as_invalid(_post(manage_orders_staff, {"query": query}))


@pytest.mark.parametrize("value", VALUES)
def test_a_bad_date_variable_is_a_validation_error(manage_orders_staff, value):
    query = "query($date: Date) { serviceAutomationPreview(date: $date) { step } }"
    _refused_as_invalid(_post(manage_orders_staff, {"query": query, "variables": {"date": value}}))
