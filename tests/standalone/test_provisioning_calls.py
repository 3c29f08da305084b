"""The provisioner is called after commit, never for a transaction that rolls back."""

import pytest
from django.db import transaction

from saleor_services import lifecycle
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import ProvisioningState, ServiceEventType, ServiceStatus
from saleor_services.provisioning import outcome

from . import recording_provisioner
from .conftest import TODAY, events_of, order_line, paid_order


@pytest.fixture(autouse=True)
def provisioner(settings):
    settings.SALEOR_SERVICES = {"PROVISIONER": "tests.standalone.recording_provisioner.RecordingProvisioner"}
    recording_provisioner.CALLS.clear()
    yield recording_provisioner.CALLS
    recording_provisioner.CALLS.clear()


def test_provision_runs_after_commit(customer, plan, provisioner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [service] = create_services_for_paid_order(paid_order(customer, order_line()), today=TODAY)
        assert provisioner == []
    assert provisioner == [("provision", service.pk)]


def test_rolled_back_change_calls_nothing(customer, plan, provisioner, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [service] = create_services_for_paid_order(paid_order(customer, order_line()), today=TODAY)
    outcome.service_provisioning_succeeded(service_id=service.pk)
    provisioner.clear()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            lifecycle.service_suspend(service_id=service.pk, actor=staff)
            raise RuntimeError("rolled back")
    assert provisioner == []
    assert callbacks == []
    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE


def test_transitions_call_the_matching_operation(
    customer, plan, provisioner, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        [service] = create_services_for_paid_order(paid_order(customer, order_line()), today=TODAY)
        outcome.service_provisioning_succeeded(service_id=service.pk)
        lifecycle.service_suspend(service_id=service.pk, actor=staff)
        lifecycle.service_unsuspend(service_id=service.pk, actor=staff)
        lifecycle.service_cancel(service_id=service.pk, actor=staff)
        lifecycle.service_terminate(service_id=service.pk, actor=staff)
    assert [name for name, _ in provisioner] == ["provision", "suspend", "unsuspend", "suspend", "terminate"]


def test_success_activates_and_stores_credentials(customer, plan):
    [service] = create_services_for_paid_order(paid_order(customer, order_line()), today=TODAY)

    outcome.service_provisioning_succeeded(
        service_id=service.pk, server_hostname="srv1.example.net", username="ada", password="pw-123", package_name="Pro"
    )

    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE
    assert service.provisioning_state == ProvisioningState.SUCCEEDED
    assert (service.server_hostname, service.username, service.package_name) == ("srv1.example.net", "ada", "Pro")
    assert service.password.reveal() == "pw-123"
    assert [e.type for e in events_of(service)] == [
        ServiceEventType.CREATED, ServiceEventType.PROVISIONING_SUCCEEDED, ServiceEventType.ACTIVATED,
    ]


def test_failure_leaves_the_service_pending_and_visible(customer, plan):
    [service] = create_services_for_paid_order(paid_order(customer, order_line()), today=TODAY)

    outcome.service_provisioning_failed(service_id=service.pk, error="Server full")

    service.refresh_from_db()
    assert service.status == ServiceStatus.PENDING
    assert service.provisioning_state == ProvisioningState.FAILED
    assert service.provisioning_error == "Server full"
    assert events_of(service, ServiceEventType.PROVISIONING_FAILED)[0].parameters["error"] == "Server full"
