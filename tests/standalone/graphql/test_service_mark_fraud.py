from .staff_actions import check_staff_action


def test_service_mark_fraud(api, make_service, staff_user):
    check_staff_action(
        api, make_service, staff_user,
        root="serviceMarkFraud", start="ACTIVE", arguments=', reason: "Chargeback"',
        end="FRAUD", event="MARKED_FRAUD", stamp="updatedAt",
    )
