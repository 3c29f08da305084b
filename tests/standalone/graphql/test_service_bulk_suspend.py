from .staff_actions import check_bulk_action


def test_service_bulk_suspend(api, make_service, staff_user):
    check_bulk_action(
        api, make_service, staff_user,
        root="serviceBulkSuspend", start="ACTIVE", arguments=', reason: "Overdue"', end="SUSPENDED", reason='Overdue',
    )
