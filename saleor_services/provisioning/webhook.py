"""The webhook provisioner: a signed JSON POST per operation, retried by Celery.

Body: {"event_id", "sequence", "operation", "service": {...}}. `event_id` names the call
(the same on every retry: de-duplicate by it); `sequence` numbers the service's calls in
the order their changes committed (apply a call only if it is higher than the last one
applied: a retried `suspend` may arrive after a later `unsuspend`).

Header `X-Saleor-Services-Signature: t=<unix time>,kid=<key id>,v1=<hex>`, where v1 is
HMAC-SHA256 of "<t>.<body>" with the secret named by kid (PROVISIONER_WEBHOOK_KEY_ID,
PROVISIONER_WEBHOOK_SECRET), so receivers can rotate keys and refuse replays.

Sent through the host's HTTP client (inside Saleor, Saleor's hardened client with its
IP filter). A 2xx answer succeeds (for `provision`, a JSON body may carry
server_hostname, username, password, package_name); 5xx, 429 and network errors are
retried with exponential backoff; a 4xx or the last failed try records the failure.
"""

import hashlib
import hmac
import json
import time
import uuid

from django.core.exceptions import ImproperlyConfigured

from ..conf import get_settings
from ..host import get_host

SIGNATURE_HEADER = "X-Saleor-Services-Signature"
OPERATIONS = ("provision", "suspend", "unsuspend", "terminate", "change_plan")


class TransientFailure(Exception):
    """Worth another try."""


class PermanentFailure(Exception):
    """Not worth another try."""


def sign(body: bytes, secret: str, *, key_id: str, timestamp: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},kid={key_id},v1={digest}"


def payload(service, operation: str, *, event_id: str, sequence: int) -> dict:
    return {
        "event_id": event_id,
        "sequence": sequence,
        "operation": operation,
        "service": {
            "id": service.pk,
            "status": service.status,
            "product_name": service.product_name,
            "variant_id": service.variant_id,
            "plan": service.plan.name,
            "domain": service.domain,
            "customer_email": service.user_email,
            "options": service.options,
            "server_hostname": service.server_hostname,
            "username": service.username,
            "package_name": service.package_name,
        },
    }


def post(operation: str, body: dict) -> dict:
    """One try. Returns the answer's JSON object (or {}); raises Transient/Permanent."""
    settings = get_settings()
    data = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(
            data,
            settings.PROVISIONER_WEBHOOK_SECRET,
            key_id=settings.PROVISIONER_WEBHOOK_KEY_ID,
            timestamp=int(time.time()),
        ),
        "X-Saleor-Services-Operation": operation,
        "X-Saleor-Services-Event-Id": str(body.get("event_id", "")),
        "X-Saleor-Services-Sequence": str(body.get("sequence", "")),
    }
    try:
        status, text = get_host().http_post(
            settings.PROVISIONER_WEBHOOK_URL, data, headers=headers, timeout=settings.PROVISIONER_WEBHOOK_TIMEOUT
        )
    except OSError as error:
        raise TransientFailure(f"Provisioning server unreachable: {error}") from None
    if status >= 500 or status == 429:
        raise TransientFailure(f"HTTP {status} from the provisioning server")
    if status >= 300:
        raise PermanentFailure(f"HTTP {status} from the provisioning server")
    try:
        answer = json.loads(text) if text.strip() else {}
    except ValueError:
        answer = {}
    return answer if isinstance(answer, dict) else {}


class WebhookProvisioner:
    def __init__(self):
        settings = get_settings()
        if not (settings.PROVISIONER_WEBHOOK_URL and settings.PROVISIONER_WEBHOOK_SECRET):
            raise ImproperlyConfigured(
                "SALEOR_SERVICES['PROVISIONER_WEBHOOK_URL'] and ['PROVISIONER_WEBHOOK_SECRET'] "
                "are required by the webhook provisioner."
            )

    def _enqueue(self, service_id: int, operation: str, sequence: int) -> None:
        from ..tasks import call_provisioning_webhook

        call_provisioning_webhook.delay(service_id, operation, sequence, str(uuid.uuid4()))

    def provision(self, service_id: int, *, sequence: int) -> None:
        self._enqueue(service_id, "provision", sequence)

    def suspend(self, service_id: int, *, sequence: int) -> None:
        self._enqueue(service_id, "suspend", sequence)

    def unsuspend(self, service_id: int, *, sequence: int) -> None:
        self._enqueue(service_id, "unsuspend", sequence)

    def terminate(self, service_id: int, *, sequence: int) -> None:
        self._enqueue(service_id, "terminate", sequence)

    def change_plan(self, service_id: int, *, sequence: int) -> None:
        self._enqueue(service_id, "change_plan", sequence)
