from .staff_actions import check_staff_action


def test_service_unsuspend(api, make_service, staff_user):
    check_staff_action(
        api, make_service, staff_user,
        root="serviceUnsuspend", start="SUSPENDED", arguments='', end="ACTIVE", event="UNSUSPENDED", stamp="updatedAt",
    )
