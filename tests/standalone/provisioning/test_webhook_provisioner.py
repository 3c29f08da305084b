"""The webhook provisioner against a real HTTP server on 127.0.0.1."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from saleor_services import lifecycle
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import ProvisioningState, ServiceStatus
from saleor_services.enums import ServiceEventType as E
from saleor_services.provisioning import outcome
from saleor_services.provisioning.webhook import SIGNATURE_HEADER

from ..conftest import order_line, paid_order

SECRET = "shared-webhook-secret"


class Panel:
    """A stand-in for the customer's hosting panel: checks signatures, answers from a script."""

    def __init__(self):
        self.answers: list[tuple[int, dict]] = []
        self.requests: list[dict] = []
        # What a careful receiver keeps: per service, the last call applied and its state.
        self.applied: dict[int, tuple[int, str]] = {}
        self.seen_events: set[str] = set()
        panel = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                fields = dict(part.split("=", 1) for part in self.headers[SIGNATURE_HEADER].split(","))
                expected = hmac.new(
                    SECRET.encode(), fields["t"].encode() + b"." + body, hashlib.sha256
                ).hexdigest()
                request = json.loads(body)
                panel.requests.append({
                    "signature_ok": hmac.compare_digest(expected, fields["v1"]) and fields["kid"] == "panel-2026",
                    "body": request,
                })
                status, answer = panel.answers.pop(0) if panel.answers else (200, {})
                if status < 300 and request["event_id"] not in panel.seen_events:
                    panel.seen_events.add(request["event_id"])
                    service_id = request["service"]["id"]
                    if request["sequence"] > panel.applied.get(service_id, (0, ""))[0]:
                        panel.applied[service_id] = (request["sequence"], request["operation"])
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/provision"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def panel(settings):
    panel = Panel()
    settings.SALEOR_SERVICES = {
        "PROVISIONER": "saleor_services.provisioning.webhook.WebhookProvisioner",
        "PROVISIONER_WEBHOOK_URL": panel.url,
        "PROVISIONER_WEBHOOK_SECRET": SECRET,
        "PROVISIONER_WEBHOOK_KEY_ID": "panel-2026",
        "PROVISIONER_WEBHOOK_RETRIES": 3,
    }
    yield panel
    panel.close()


def _buy(customer, capture):
    with capture(execute=True):
        [service] = create_services_for_paid_order(paid_order(customer, order_line()))
    service.refresh_from_db()
    return service


def test_success_after_retries_activates_with_credentials(panel, customer, plan, django_capture_on_commit_callbacks):
    panel.answers = [(500, {}), (503, {}), (200, {"server_hostname": "srv7.example.net", "username": "ada",
                                                   "password": "pw-9", "package_name": "Pro"})]

    service = _buy(customer, django_capture_on_commit_callbacks)

    assert len(panel.requests) == 3
    assert all(request["signature_ok"] for request in panel.requests)
    assert panel.requests[0]["body"]["operation"] == "provision"
    assert panel.requests[0]["body"]["service"]["id"] == service.pk
    assert service.status == ServiceStatus.ACTIVE
    assert service.provisioning_state == ProvisioningState.SUCCEEDED
    assert (service.server_hostname, service.username, service.password.reveal()) == ("srv7.example.net", "ada", "pw-9")
    assert [e.type for e in service.events.order_by("pk")] == [E.CREATED, E.PROVISIONING_SUCCEEDED, E.ACTIVATED]


def test_failure_is_recorded_and_retryable(panel, customer, plan, staff, django_capture_on_commit_callbacks):
    panel.answers = [(500, {})] * 4

    service = _buy(customer, django_capture_on_commit_callbacks)

    assert len(panel.requests) == 4  # the first try and 3 retries
    assert service.status == ServiceStatus.PENDING
    assert service.provisioning_state == ProvisioningState.FAILED
    assert service.provisioning_error == "provision failed after 4 tries: HTTP 500 from the provisioning server"
    assert service.events.filter(type=E.PROVISIONING_FAILED).count() == 1

    panel.answers = [(200, {})]
    with django_capture_on_commit_callbacks(execute=True):
        outcome.service_provisioning_retry(service_id=service.pk, actor=staff)
    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE
    assert service.provisioning_error == ""


def test_a_4xx_is_not_retried(panel, customer, plan, django_capture_on_commit_callbacks):
    panel.answers = [(422, {})]
    service = _buy(customer, django_capture_on_commit_callbacks)
    assert len(panel.requests) == 1
    assert service.provisioning_state == ProvisioningState.FAILED


def test_suspension_reaches_the_server(panel, customer, plan, staff, django_capture_on_commit_callbacks):
    service = _buy(customer, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.service_suspend(service_id=service.pk, actor=staff, reason="Abuse")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.service_unsuspend(service_id=service.pk, actor=staff)
    assert [r["body"]["operation"] for r in panel.requests] == ["provision", "suspend", "unsuspend"]
    assert panel.requests[1]["body"]["service"]["status"] == "SUSPENDED"


def test_a_late_retry_of_an_older_call_is_not_applied_over_a_newer_one(
    panel, customer, plan, staff, django_capture_on_commit_callbacks
):
    service = _buy(customer, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks() as suspend_calls:
        lifecycle.service_suspend(service_id=service.pk, actor=staff, reason="Abuse")
    with django_capture_on_commit_callbacks() as unsuspend_calls:
        lifecycle.service_unsuspend(service_id=service.pk, actor=staff)

    # Delivered out of order: the unsuspend first, then the suspend's delayed retry, twice.
    for callback in [*unsuspend_calls, *suspend_calls]:
        callback()
    last = panel.requests[-1]["body"]
    with django_capture_on_commit_callbacks():
        from saleor_services.tasks import call_provisioning_webhook

        call_provisioning_webhook.delay(service.pk, "suspend", last["sequence"], last["event_id"])

    operations = [(r["body"]["operation"], r["body"]["sequence"]) for r in panel.requests]
    assert operations == [("provision", 1), ("unsuspend", 3), ("suspend", 2), ("suspend", 2)]
    assert len({r["body"]["event_id"] for r in panel.requests}) == 3  # the retry reuses its id
    assert panel.applied[service.pk] == (3, "unsuspend")  # the stale suspend was not applied
    assert all(request["signature_ok"] for request in panel.requests)
