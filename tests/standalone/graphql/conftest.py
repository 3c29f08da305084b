import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from saleor_services.graphql.ids import global_id
from standalone.auth import issue_token

from ..conftest import PASSWORD


@pytest.fixture
def staff_without_permission(db):
    return get_user_model().objects.create_user("helpdesk", "helpdesk@example.com", PASSWORD, is_staff=True)


@pytest.fixture
def staff_user(db):
    """Staff holding the host's MANAGE_ORDERS."""
    user = get_user_model().objects.create_user("staff", "staff@example.com", PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="manage_orders"))
    return get_user_model().objects.get(pk=user.pk)


class Api:
    def __init__(self, client):
        self.client = client

    def post(self, query: str, variables: dict | None = None, *, user=None, expect_errors=False):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user)}"} if user else {}
        response = self.client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
            **headers,
        )
        assert response.status_code == 200, response.content
        content = response.json()
        if not expect_errors:
            assert "errors" not in content, content["errors"]
        return content


@pytest.fixture
def api(client):
    return Api(client)


def gid(obj) -> str:
    name = {"Service": "Service", "ServicePlan": "ServicePlan", "CancellationRequest": "ServiceCancellationRequest"}[
        type(obj).__name__
    ]
    return global_id(name, obj.pk)
