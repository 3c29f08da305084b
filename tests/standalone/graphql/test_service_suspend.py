from .staff_actions import check_staff_action


def test_service_suspend(api, make_service, staff_user):
    check_staff_action(
        api, make_service, staff_user,
        root="serviceSuspend", start="ACTIVE", arguments=', reason: "Abuse"',
        end="SUSPENDED", event="SUSPENDED", stamp="suspendedAt",
    )
