from .staff_actions import check_staff_action


def test_service_archive(api, make_service, staff_user):
    check_staff_action(
        api, make_service, staff_user,
        root="serviceArchive", start="TERMINATED", arguments='', end="ARCHIVED", event="ARCHIVED", stamp="updatedAt",
    )
