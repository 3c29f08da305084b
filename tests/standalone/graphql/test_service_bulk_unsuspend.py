from .staff_actions import check_bulk_action


def test_service_bulk_unsuspend(api, make_service, staff_user):
    check_bulk_action(
        api, make_service, staff_user,
        root="serviceBulkUnsuspend", start="SUSPENDED", arguments='', end="ACTIVE", reason=None,
    )
