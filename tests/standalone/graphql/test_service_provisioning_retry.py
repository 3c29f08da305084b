from saleor_services.provisioning.outcome import service_provisioning_failed

from .conftest import gid

MUTATION = (
    "mutation($id: ID!) { serviceProvisioningRetry(id: $id) "
    "{ service { provisioningState } errors { code } } }"
)


def test_staff_retry_a_failed_provisioning(api, make_service, staff_user, settings):
    settings.SALEOR_SERVICES = {
        "PROVISIONER": "saleor_services.provisioning.manual.ManualProvisioner",
    }
    service = make_service("PENDING")
    service_provisioning_failed(service_id=service.pk, error="Server full")

    payload = api.post(MUTATION, {"id": gid(service)}, user=staff_user)["data"]["serviceProvisioningRetry"]

    assert payload == {"service": {"provisioningState": "QUEUED"}, "errors": []}
    assert service.events.order_by("pk").last().type == "PROVISIONING_QUEUED"
