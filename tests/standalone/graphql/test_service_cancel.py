from .staff_actions import check_staff_action


def test_service_cancel(api, make_service, staff_user):
    check_staff_action(
        api, make_service, staff_user,
        root="serviceCancel", start="ACTIVE", arguments=', reason: "Asked by phone"',
        end="CANCELLED", event="CANCELLED", stamp="cancelledAt",
    )
