"""The webhook provisioner: a signed JSON POST per operation, retried by Celery.

Body: {"operation": ..., "service": {...}}. Header `X-Saleor-Services-Signature:
sha256=<hex HMAC-SHA256 of the body with PROVISIONER_WEBHOOK_SECRET>`. A 2xx answer
succeeds (for `provision`, a JSON body may carry server_hostname, username, password,
package_name); 5xx, 429 and network errors are retried with exponential backoff; a
4xx or the last failed try records the failure on the service.
"""

import hashlib
import hmac
import json
import urllib.error
import urllib.request

from django.core.exceptions import ImproperlyConfigured

from ..conf import get_settings

SIGNATURE_HEADER = "X-Saleor-Services-Signature"
OPERATIONS = ("provision", "suspend", "unsuspend", "terminate", "change_plan")


class TransientFailure(Exception):
    """Worth another try."""


class PermanentFailure(Exception):
    """Not worth another try."""


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def payload(service, operation: str) -> dict:
    return {
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
    request = urllib.request.Request(
        settings.PROVISIONER_WEBHOOK_URL,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(data, settings.PROVISIONER_WEBHOOK_SECRET),
            "X-Saleor-Services-Operation": operation,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.PROVISIONER_WEBHOOK_TIMEOUT) as response:
            text = response.read(1_000_000).decode(errors="replace")
    except urllib.error.HTTPError as error:
        message = f"HTTP {error.code} from the provisioning server"
        if error.code >= 500 or error.code == 429:
            raise TransientFailure(message) from None
        raise PermanentFailure(message) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise TransientFailure(f"Provisioning server unreachable: {error}") from None
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

    def _enqueue(self, service_id: int, operation: str) -> None:
        from ..tasks import call_provisioning_webhook

        call_provisioning_webhook.delay(service_id, operation)

    def provision(self, service_id: int) -> None:
        self._enqueue(service_id, "provision")

    def suspend(self, service_id: int) -> None:
        self._enqueue(service_id, "suspend")

    def unsuspend(self, service_id: int) -> None:
        self._enqueue(service_id, "unsuspend")

    def terminate(self, service_id: int) -> None:
        self._enqueue(service_id, "terminate")

    def change_plan(self, service_id: int) -> None:
        self._enqueue(service_id, "change_plan")
