from saleor_services.models import ServicePlan

from ..conftest import events_of
from .conftest import gid

MUTATION = """mutation($id: ID!, $resumeOn: Date) { servicePause(id: $id, resumeOn: $resumeOn) {
  service { status resumeOn canPause canResume } errors { field code } } }"""


def test_customer_pauses_with_a_resume_date(api, make_service, customer):
    service = make_service()
    payload = api.post(MUTATION, {"id": gid(service), "resumeOn": "2036-01-01"}, user=customer)["data"]["servicePause"]
    assert payload == {
        "service": {"status": "PAUSED", "resumeOn": "2036-01-01", "canPause": False, "canResume": True},
        "errors": [],
    }
    event = events_of(service)[-1]
    assert (event.type, event.actor_type, event.parameters["resume_on"]) == ("PAUSED", "CUSTOMER", "2036-01-01")


def test_plan_forbids_pausing(api, make_service, customer, unchanged):
    service = make_service(plan=ServicePlan.objects.create(name="Fixed", variant_id=4, allow_pause=False))
    with unchanged():
        payload = api.post(MUTATION, {"id": gid(service)}, user=customer)["data"]["servicePause"]
    assert payload["errors"] == [{"field": None, "code": "NOT_ALLOWED_BY_PLAN"}]
