from datetime import date

from saleor_services.actors import Actor
from saleor_services.automation import run_step
from saleor_services.enums import SuspensionCause
from saleor_services.graphql.ids import global_id
from saleor_services.lifecycle import service_suspend
from saleor_services.models import Renewal

MUTATION = """mutation($id: ID!) { serviceRenewalMarkPaid(id: $id) {
  renewal { status kind paidAt } service { status nextDueDate } errors { code } } }"""


def test_staff_record_a_payment(api, make_service, staff_user, staff):
    service = make_service(today=date(2026, 1, 15))
    run_step("generate_renewals", date(2026, 2, 10))
    renewal = Renewal.objects.get(service=service)
    service_suspend(service_id=service.pk, actor=Actor.system(), cause=SuspensionCause.NON_PAYMENT)

    payload = api.post(MUTATION, {"id": global_id("ServiceRenewal", renewal.pk)}, user=staff_user)[
        "data"]["serviceRenewalMarkPaid"]

    assert payload["errors"] == []
    assert payload["renewal"]["status"] == "PAID" and payload["renewal"]["kind"] == "RENEWAL"
    assert payload["service"] == {"status": "ACTIVE", "nextDueDate": "2026-03-15"}
    event = service.events.get(type="RENEWAL_PAID")
    assert (event.actor_type, event.user_id) == ("STAFF", staff_user.pk)
