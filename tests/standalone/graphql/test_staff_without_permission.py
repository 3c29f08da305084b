"""Staff without MANAGE_ORDERS: customers for the services they own, refused with the
permission error (as `services` refuses them) for any other service.

A customer asking for someone else's service gets what a missing one gets (null, or
NOT_FOUND in a mutation's errors), so ids reveal nothing; a staff user is told what is
missing instead, for every id that is not theirs, existing or not, so nothing is
revealed either.
"""

import pytest

from saleor_services.graphql.ids import global_id
from saleor_services.provisioning import outcome

from .conftest import gid

SERVICE = "query($id: ID!) { service(id: $id) { id password } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"
PAUSE = "mutation($id: ID!) { servicePause(id: $id) { errors { code field } service { status } } }"
PREVIEW = "query($id: ID!, $plan: ID!) { serviceChangePlanPreview(id: $id, planId: $plan) { isUpgrade } }"


def _permission_error(content, field):
    assert content["data"][field] is None
    [error] = content["errors"]
    assert error["extensions"]["exception"]["code"] == "PermissionDenied"
    assert "MANAGE_ORDERS" in error["message"]


@pytest.fixture
def services(make_service, staff_without_permission):
    theirs = make_service()
    own = make_service(user=staff_without_permission)
    outcome.service_provisioning_succeeded(service_id=own.pk, password="own-secret")
    return {"theirs": theirs, "own": own}


@pytest.mark.parametrize("query, field", [(SERVICE, "service"), (NODE, "node")])
def test_someone_elses_or_a_missing_service_is_a_permission_error(
    query, field, api, services, staff_without_permission, unchanged
):
    for target in (gid(services["theirs"]), global_id("Service", 10**9)):
        content = api.post(query, {"id": target}, user=staff_without_permission, expect_errors=True)
        _permission_error(content, field)


def test_their_own_service_is_served_as_to_a_customer(api, services, staff_without_permission):
    own = api.post(SERVICE, {"id": gid(services["own"])}, user=staff_without_permission)["data"]["service"]
    assert own == {"id": gid(services["own"]), "password": "own-secret"}
    mine = api.post("{ myServices(first: 5) { totalCount } }", user=staff_without_permission)
    assert mine["data"]["myServices"]["totalCount"] == 1
    paused = api.post(PAUSE, {"id": gid(services["own"])}, user=staff_without_permission)["data"]["servicePause"]
    assert paused == {"errors": [], "service": {"status": "PAUSED"}}


def test_the_staff_list_is_a_permission_error(api, services, staff_without_permission):
    content = api.post("{ services(first: 5) { totalCount } }", user=staff_without_permission, expect_errors=True)
    _permission_error(content, "services")


def test_customer_actions_on_someone_elses_service_are_a_permission_error(
    api, services, staff_without_permission, unchanged
):
    with unchanged():
        content = api.post(PAUSE, {"id": gid(services["theirs"])}, user=staff_without_permission, expect_errors=True)
        _permission_error(content, "servicePause")
        content = api.post(
            PREVIEW, {"id": gid(services["theirs"]), "plan": gid(services["theirs"].plan)},
            user=staff_without_permission, expect_errors=True,
        )
        _permission_error(content, "serviceChangePlanPreview")


def test_customers_still_get_nothing_rather_than_an_error(api, services, other_customer):
    content = api.post(SERVICE, {"id": gid(services["theirs"])}, user=other_customer)
    assert content["data"]["service"] is None
    paused = api.post(PAUSE, {"id": gid(services["theirs"])}, user=other_customer)["data"]["servicePause"]
    assert paused["errors"] == [{"code": "NOT_FOUND", "field": "id"}]
