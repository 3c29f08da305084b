from datetime import date
from decimal import Decimal

from saleor_services.models import Service

from ..conftest import events_of
from .conftest import gid

MUTATION = """mutation($id: ID!, $input: ServiceUpdateInput!) { serviceUpdate(id: $id, input: $input) {
  service { domain nextDueDate recurringAmount { amount } serverHostname username packageName options
            metadata { key value } privateMetadata { key value } }
  errors { field code } } }"""


def test_staff_edit_details(api, make_service, staff_user):
    service = make_service()
    payload = api.post(MUTATION, {"id": gid(service), "input": {
        "domain": "shop.example", "nextDueDate": "2026-01-15", "recurringAmount": 19.5,
        "serverHostname": "srv2", "username": "ada", "password": "n3w", "packageName": "Pro",
        "options": {"os": "debian"}, "metadata": [{"key": "tier", "value": "gold"}],
        "privateMetadata": [{"key": "crm", "value": "42"}],
    }}, user=staff_user)["data"]["serviceUpdate"]

    assert payload["errors"] == []
    assert payload["service"] == {
        "domain": "shop.example", "nextDueDate": "2026-01-15", "recurringAmount": {"amount": 19.5},
        "serverHostname": "srv2", "username": "ada", "packageName": "Pro", "options": {"os": "debian"},
        "metadata": [{"key": "tier", "value": "gold"}], "privateMetadata": [{"key": "crm", "value": "42"}],
    }
    service = Service.objects.get(pk=service.pk)
    assert service.next_due_date == date(2026, 1, 15) and service.billing_anchor_day == 15
    assert service.recurring_amount == Decimal("19.500")
    assert service.password.reveal() == "n3w"
    event = events_of(service)[-1]
    assert event.type == "UPDATED"
    assert event.parameters["changes"]["password"] == "changed"
    assert event.parameters["changes"]["domain"] == {"old": "", "new": "shop.example"}
    assert "n3w" not in str(event.parameters)


def test_overlong_domain_is_refused(api, make_service, staff_user, unchanged):
    service = make_service()
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service), "input": {"domain": "x" * 256}}, user=staff_user)
    assert payload["data"]["serviceUpdate"]["errors"] == [{"field": "domain", "code": "INVALID"}]


def test_oversized_metadata_and_options_are_refused_typed(api, make_service, staff_user, unchanged):
    service = make_service()
    big_values = [{"key": f"k{index}", "value": "v" * 100_000} for index in range(5)]
    with unchanged():
        for field, value in (("metadata", big_values), ("options", {"blob": "x" * 500_000})):
            payload = api.post(MUTATION, {"id": gid(service), "input": {field: value}}, user=staff_user)
            assert payload["data"]["serviceUpdate"]["errors"] == [{"field": field, "code": "INVALID"}]


def test_fifty_metadata_values_of_100_kb_never_reach_the_api(client, make_service, staff_user, unchanged):
    from standalone.auth import issue_token

    service = make_service()
    values = [{"key": f"k{index}", "value": "v" * 100_000} for index in range(50)]
    with unchanged():
        response = client.post(
            "/graphql/", {"query": MUTATION, "variables": {"id": gid(service), "input": {"metadata": values}}},
            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {issue_token(staff_user)}",
        )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
