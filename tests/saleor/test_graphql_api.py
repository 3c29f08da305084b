"""The services API served by Saleor's own /graphql/ with Saleor's authentication."""

import graphene
import pytest

pytest.importorskip("saleor")

from saleor.graphql.tests.utils import assert_no_permission, get_graphql_content  # noqa: E402

from saleor_services.models import Service, ServicePlan  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

SERVICES = """{ services(first: 10) { totalCount edges { node { id status productName
  recurringAmount { amount currency } order { number } user { email } plan { name } } } } }"""
MY_SERVICES = """{ myServices(first: 10) { totalCount edges { node { id userEmail order { number } } } } }"""
SUSPEND = """mutation($id: ID!) { serviceSuspend(id: $id, reason: "Overdue") { service { status } errors { code } } }"""


@pytest.fixture
def paid_services(order_with_lines):
    """Services made the real way: the plugin's hook on a paid Saleor order."""
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    ServicesPlugin(configuration=[], active=True).order_fully_paid(order_with_lines, previous_value=None)
    services = list(Service.objects.filter(order_id=order_with_lines.pk))
    assert len(services) == line.quantity
    return services


def test_schema_has_the_api_and_resolves_saleor_types():
    from saleor.graphql.api import schema

    query_fields = schema.get_type("Query").fields
    assert {"myServices", "services", "service", "serviceCancellationRequests", "servicePlans"} <= set(query_fields)
    assert "serviceBulkSuspend" in schema.get_type("Mutation").fields
    service_fields = schema.get_type("Service").fields
    assert str(service_fields["order"].type) == "Order"
    assert str(service_fields["user"].type) == "User"
    assert str(service_fields["recurringAmount"].type) == "Money!"


@pytest.mark.django_db
def test_staff_with_manage_orders(staff_api_client, permission_group_manage_orders, paid_services, order_with_lines):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    content = get_graphql_content(staff_api_client.post_graphql(SERVICES))
    data = content["data"]["services"]
    assert data["totalCount"] == len(paid_services)
    node = data["edges"][0]["node"]
    assert node["order"] == {"number": str(order_with_lines.number)}
    assert node["user"] == {"email": order_with_lines.user_email}
    assert node["plan"] == {"name": "Hosting"}
    assert node["recurringAmount"]["currency"] == order_with_lines.currency


@pytest.mark.django_db
def test_staff_without_manage_orders_are_refused(staff_api_client, paid_services):
    assert_no_permission(staff_api_client.post_graphql(SERVICES))


@pytest.mark.django_db
def test_customer_jwt_sees_only_own_services(user_api_client, user2_api_client, paid_services, order_with_lines):
    mine = get_graphql_content(user_api_client.post_graphql(MY_SERVICES))["data"]["myServices"]
    assert mine["totalCount"] == len(paid_services)
    assert {edge["node"]["userEmail"] for edge in mine["edges"]} == {order_with_lines.user_email}
    assert mine["edges"][0]["node"]["order"] == {"number": str(order_with_lines.number)}

    theirs = get_graphql_content(user2_api_client.post_graphql(MY_SERVICES))["data"]["myServices"]
    assert theirs["totalCount"] == 0
    foreign = graphene.Node.to_global_id("Service", paid_services[0].pk)
    other = get_graphql_content(
        user2_api_client.post_graphql("query($id: ID!) { service(id: $id) { id } }", {"id": foreign})
    )
    assert other["data"]["service"] is None


@pytest.mark.django_db
def test_app_token_with_manage_orders(app_api_client, permission_manage_orders, paid_services):
    app_api_client.app.permissions.add(permission_manage_orders)
    service_id = graphene.Node.to_global_id("Service", paid_services[0].pk)

    content = get_graphql_content(app_api_client.post_graphql(SUSPEND, {"id": service_id}))

    assert content["data"]["serviceSuspend"] == {"service": {"status": "SUSPENDED"}, "errors": []}
    event = paid_services[0].events.order_by("pk").last()
    assert (event.type, event.actor_type, event.app_id) == ("SUSPENDED", "APP", app_api_client.app.pk)


@pytest.mark.django_db
def test_app_without_manage_orders_is_refused(app_api_client, paid_services):
    assert_no_permission(app_api_client.post_graphql(SERVICES))


@pytest.mark.django_db
def test_customer_mutation_through_saleor(user_api_client, paid_services):
    service_id = graphene.Node.to_global_id("Service", paid_services[0].pk)
    content = get_graphql_content(
        user_api_client.post_graphql(
            "mutation($id: ID!) { servicePause(id: $id) { service { status canResume } errors { code } } }",
            {"id": service_id},
        )
    )
    assert content["data"]["servicePause"] == {"service": {"status": "PAUSED", "canResume": True}, "errors": []}
