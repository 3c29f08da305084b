from saleor_services import lifecycle
from saleor_services.enums import ServiceStatus
from saleor_services.graphql.ids import global_id
from saleor_services.provisioning import outcome

from .conftest import gid
from .fragments import SERVICE_FIELDS

QUERY = SERVICE_FIELDS + """query($id: ID!) { service(id: $id) { ...ServiceFields password
  events { type actorType actorEmail oldStatus newStatus reason } } }"""


def test_owner_sees_details_password_and_their_part_of_the_log(api, make_service, customer, staff):
    service = make_service(ServiceStatus.PENDING)
    outcome.service_provisioning_succeeded(
        service_id=service.pk, server_hostname="srv1.example.net", username="ada", password="s3cret", package_name="Pro"
    )
    lifecycle.service_suspend(service_id=service.pk, actor=staff, reason="Overdue invoice")

    data = api.post(QUERY, {"id": gid(service)}, user=customer)["data"]["service"]

    assert data["status"] == "SUSPENDED"
    assert (data["serverHostname"], data["username"], data["packageName"]) == ("srv1.example.net", "ada", "Pro")
    assert data["password"] == "s3cret"
    assert data["canPause"] is False and data["canCancel"] is True
    assert [event["type"] for event in data["events"]] == ["CREATED", "ACTIVATED", "SUSPENDED"]
    suspended = data["events"][-1]
    assert suspended["reason"] == "Overdue invoice"
    assert suspended["actorType"] == "STAFF" and suspended["actorEmail"] is None  # staff stay anonymous
    assert data["eventsCount"] == 3


def test_staff_see_the_whole_log_with_actors(api, make_service, staff_user, staff):
    service = make_service()
    lifecycle.service_mark_fraud(service_id=service.pk, actor=staff, reason="Chargeback")
    data = api.post(QUERY, {"id": gid(service)}, user=staff_user)["data"]["service"]
    assert [event["type"] for event in data["events"]] == ["CREATED", "MARKED_FRAUD"]
    assert data["events"][-1]["actorEmail"] == "staff@example.com"


def test_someone_elses_or_missing_service_is_null(api, make_service, other_customer, customer):
    service = make_service()
    assert api.post(QUERY, {"id": gid(service)}, user=other_customer)["data"]["service"] is None
    assert api.post(QUERY, {"id": global_id("Service", 10**9)}, user=customer)["data"]["service"] is None


def test_id_of_another_type_is_an_error(api, make_service, customer):
    service = make_service()
    content = api.post(QUERY, {"id": global_id("ServicePlan", service.pk)}, user=customer, expect_errors=True)
    assert content["data"]["service"] is None
    assert "Service id" in content["errors"][0]["message"]
