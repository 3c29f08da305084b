from saleor_services import lifecycle
from saleor_services.actors import Actor

from ..conftest import events_of
from .conftest import gid

MUTATION = """mutation($id: ID!) { serviceResume(id: $id) { service { status nextDueDate } errors { code } } }"""


def test_customer_resumes(api, make_service, customer):
    service = make_service()
    lifecycle.service_pause(service_id=service.pk, actor=Actor.customer(customer))
    payload = api.post(MUTATION, {"id": gid(service)}, user=customer)["data"]["serviceResume"]
    assert payload == {"service": {"status": "ACTIVE", "nextDueDate": str(service.next_due_date)}, "errors": []}
    # Due within the renewal window: the period's renewal is issued with the resume.
    assert [event.type for event in events_of(service)][-2:] == ["RESUMED", "RENEWAL_CREATED"]
