from .staff_actions import check_bulk_action


def test_service_bulk_terminate(api, make_service, staff_user):
    check_bulk_action(
        api, make_service, staff_user,
        root="serviceBulkTerminate", start="SUSPENDED", arguments=', reason: "Closed"',
        end="TERMINATED", reason='Closed',
    )
