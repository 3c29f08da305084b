"""Who the standalone host takes for staff managing services, signed in by bearer token:
MANAGE_ORDERS held directly, through a group, or as an active superuser; not by staff
without it, a customer, or a superuser who is not staff."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from ..conftest import PASSWORD

SERVICES = "{ services(first: 1) { totalCount } }"


def _user(name: str, *, is_staff=True, is_superuser=False, direct=False, group=False):
    user = get_user_model().objects.create_user(
        name, f"{name}@example.com", PASSWORD, is_staff=is_staff, is_superuser=is_superuser
    )
    permission = Permission.objects.get(codename="manage_orders")
    if direct:
        user.user_permissions.add(permission)
    if group:
        orders, _ = Group.objects.get_or_create(name="Orders")
        orders.permissions.add(permission)
        user.groups.add(orders)
    return user


@pytest.mark.parametrize(
    ("kind", "manages"),
    [
        ({"direct": True}, True),
        ({"group": True}, True),
        ({"is_superuser": True}, True),
        ({}, False),
        ({"is_staff": False, "direct": True}, False),
        ({"is_staff": False, "is_superuser": True}, False),
    ],
    ids=["permission", "group's permission", "superuser", "staff without it", "customer holding it",
         "superuser not staff"],
)
def test_who_manages_services(db, api, kind, manages):
    user = _user("someone", **kind)

    content = api.post(SERVICES, user=user, expect_errors=True)

    if manages:
        assert "errors" not in content and content["data"]["services"]["totalCount"] == 0
    else:
        [error] = content["errors"]
        assert error["extensions"]["exception"]["code"] == "PermissionDenied"

