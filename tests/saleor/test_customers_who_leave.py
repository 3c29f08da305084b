"""Both of Saleor's account deletion paths apply the owner-removal policy to services."""

import graphene
import pytest

pytest.importorskip("saleor")

from saleor.core.tokens import account_delete_token_generator  # noqa: E402
from saleor.graphql.tests.utils import get_graphql_content  # noqa: E402

from saleor_services.models import Service, ServicePlan  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

CUSTOMER_DELETE = """mutation($id: ID) { customerDelete(id: $id) { errors { field message } } }"""
ACCOUNT_DELETE = """mutation($token: String!) { accountDelete(token: $token) { errors { field message } } }"""


@pytest.fixture
def owned_services(order_with_lines, customer_user):
    order_with_lines.user = customer_user
    order_with_lines.save(update_fields=["user"])
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    ServicesPlugin(configuration=[], active=True).order_fully_paid(order_with_lines, previous_value=None)
    services = list(Service.objects.filter(order_id=order_with_lines.pk))
    Service.objects.filter(pk__in=[s.pk for s in services]).update(username="ada")
    assert services and all(s.user_id == customer_user.pk for s in services)
    return services


def _assert_removed(services, actor_type):
    for service in Service.objects.filter(pk__in=[s.pk for s in services]):
        assert service.status == "CANCELLED"
        assert (service.user_id, service.user_email, service.username) == (None, "", "")
        [event] = service.events.filter(type="OWNER_REMOVED")
        assert event.actor_type == actor_type


def test_a_staff_customer_delete(staff_api_client, permission_manage_users, customer_user, owned_services):
    staff_api_client.user.user_permissions.add(permission_manage_users)
    response = staff_api_client.post_graphql(
        CUSTOMER_DELETE, {"id": graphene.Node.to_global_id("User", customer_user.pk)}
    )
    assert get_graphql_content(response)["data"]["customerDelete"]["errors"] == []
    _assert_removed(owned_services, "STAFF")


def test_a_customer_deleting_their_own_account(user_api_client, customer_user, owned_services):
    token = account_delete_token_generator.make_token(customer_user)
    response = user_api_client.post_graphql(ACCOUNT_DELETE, {"token": token})
    assert get_graphql_content(response)["data"]["accountDelete"]["errors"] == []
    _assert_removed(owned_services, "CUSTOMER")
