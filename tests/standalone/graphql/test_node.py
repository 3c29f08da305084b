"""`node(id:)` follows the same field rules as `service(id:)`, except that the password
shows only through `service(id:)` (never through `node`, lists or nested services)."""

import pytest

from saleor_services.provisioning import outcome

from .conftest import gid

NODE = "query($id: ID!) { node(id: $id) { id ... on Service { domain username password } } }"
SERVICE = "query($id: ID!) { service(id: $id) { id domain username password } }"
NESTED = """query($id: ID!) { service(id: $id) { password
  cancellationRequest { service { id password } } } }"""


@pytest.fixture
def provisioned(make_service):
    service = make_service()
    outcome.service_provisioning_succeeded(service_id=service.pk, username="ada", password="s3cret")
    return service


@pytest.mark.parametrize("who", ["customer", "staff_user"])
def test_node_never_shows_the_password_service_does(who, api, provisioned, request):
    user = request.getfixturevalue(who)
    node = api.post(NODE, {"id": gid(provisioned)}, user=user)["data"]["node"]
    assert node == {"id": gid(provisioned), "domain": "", "username": "ada", "password": None}
    service = api.post(SERVICE, {"id": gid(provisioned)}, user=user)["data"]["service"]
    assert service["password"] == "s3cret"


def test_a_service_reached_through_another_field_has_no_password(api, provisioned, customer, as_customer):
    from saleor_services.cancellation import cancellation_request_create

    from ..conftest import PASSWORD

    cancellation_request_create(
        service_id=provisioned.pk, actor=as_customer, type="END_OF_BILLING_PERIOD", reason="Bye", password=PASSWORD
    )
    data = api.post(NESTED, {"id": gid(provisioned)}, user=customer)["data"]["service"]
    assert data["password"] == "s3cret"
    assert data["cancellationRequest"]["service"] == {"id": gid(provisioned), "password": None}


@pytest.mark.parametrize("who", [None, "other_customer"])
def test_node_of_someone_elses_service_is_null(who, api, provisioned, request):
    user = request.getfixturevalue(who) if who else None
    content = api.post(NODE, {"id": gid(provisioned)}, user=user, expect_errors=True)
    assert content["data"]["node"] is None
