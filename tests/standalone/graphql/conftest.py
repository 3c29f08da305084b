import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from saleor_services.graphql.ids import global_id
from standalone.auth import issue_app_token, issue_token
from standalone.models import App, StaffChannelRestriction

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


def restricted_staff_in(*channel_slugs: str, username: str = "channel-staff"):
    """Staff holding MANAGE_ORDERS, restricted to these channels."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="manage_orders"))
    StaffChannelRestriction.objects.create(user=user, channel_slugs=list(channel_slugs))
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def restricted_staff(db):
    """Staff with MANAGE_ORDERS restricted to a channel none of the tests' services are in."""
    return restricted_staff_in("other-channel")


@pytest.fixture
def app_with_permission(db):
    return App.objects.create(name="Fulfilment", manage_orders=True)


@pytest.fixture
def app_without_permission(db):
    return App.objects.create(name="Newsletter", manage_orders=False)


class Api:
    def __init__(self, client):
        self.client = client

    def post(self, query: str, variables: dict | None = None, *, user=None, expect_errors=False):
        # `user` may be an App: it signs in with an app token.
        token = (issue_app_token(user) if isinstance(user, App) else issue_token(user)) if user else None
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
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
