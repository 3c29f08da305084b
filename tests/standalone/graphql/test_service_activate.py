from .staff_actions import check_staff_action


def test_service_activate(api, make_service, staff_user):
    check_staff_action(
        api, make_service, staff_user,
        root="serviceActivate", start="PENDING", arguments='', end="ACTIVE", event="ACTIVATED", stamp="activatedAt",
    )
