from .staff_actions import check_staff_action


def test_service_terminate(api, make_service, staff_user):
    check_staff_action(
        api, make_service, staff_user,
        root="serviceTerminate", start="CANCELLED", arguments=', reason: "Data removed"',
        end="TERMINATED", event="TERMINATED", stamp="terminatedAt",
    )
