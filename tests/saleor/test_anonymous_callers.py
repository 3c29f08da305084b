"""Callers without a token, through Saleor's /graphql/: refused with Saleor's permission
error (or an empty answer), never an internal error, and nothing changes."""

import graphene
import pytest

pytest.importorskip("saleor")

from saleor_services.models import Service, ServicePlan  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

OPERATIONS = {
    "myServices": "{ myServices(first: 5) { totalCount } }",
    "services": "{ services(first: 5) { totalCount } }",
    "servicePlans": "{ servicePlans(first: 5) { totalCount } }",
    "service": "query($id: ID!) { service(id: $id) { id status } }",
    "servicePause": "mutation($id: ID!) { servicePause(id: $id) { service { status } errors { code } } }",
    "serviceSuspend": "mutation($id: ID!) { serviceSuspend(id: $id) { service { status } errors { code } } }",
}


@pytest.fixture
def service(order_with_lines):
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    ServicesPlugin(configuration=[], active=True).order_fully_paid(order_with_lines, previous_value=None)
    return Service.objects.filter(order_id=order_with_lines.pk).first()


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_an_anonymous_caller_is_refused_cleanly(name, api_client, service, caplog):
    before = Service.objects.get(pk=service.pk).status
    response = api_client.post_graphql(
        OPERATIONS[name], {"id": graphene.Node.to_global_id("Service", service.pk)}
    )

    assert response.status_code == 200
    body = response.json()
    errors = body.get("errors") or []
    assert all("Internal Server Error" not in error["message"] for error in errors), errors
    assert all(error["extensions"]["exception"]["code"] == "PermissionDenied" for error in errors), errors
    assert errors or body["data"][name] in (None, {"totalCount": 0})
    assert Service.objects.get(pk=service.pk).status == before
    assert not [record for record in caplog.records if record.levelname == "ERROR"]
