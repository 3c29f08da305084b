"""Rotating the encryption key: only the password becomes unavailable, never the service.

Passwords decrypt on reveal only, so a wrong or missing key leaves lists, the daily
automation and the paid-order hook working; `service(id) { password }` answers null with
a typed CREDENTIALS_UNAVAILABLE error. Adding the old key as a further key makes the
password readable again, and `services_reencrypt_credentials` makes the old key unneeded.
"""

import logging
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from saleor_services.automation import run_daily_automation
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import RenewalKind, ServiceEventType, ServiceStatus
from saleor_services.models import Renewal, Service, ServiceEvent
from saleor_services.provisioning import outcome

from ..conftest import TODAY, order_line, paid_order
from .conftest import gid

SECRET = "s3cret-provisioned"
OLD, NEW = "the old key, long enough", "the new key, long enough"

SERVICE = "query($id: ID!) { service(id: $id) { id domain status password } }"
LISTS = """{ services(first: 20) { totalCount edges { node { id status password } } } }"""
MINE = """{ myServices(first: 20) { totalCount edges { node { id status password } } } }"""


class Keys:
    """The two ways of keying: SECRET_KEY (+ SECRET_KEY_FALLBACKS) or ENCRYPTION_KEYS."""

    def __init__(self, settings, mode):
        self.settings, self.mode = settings, mode

    def use(self, *keys):
        if self.mode == "secret_key":
            self.settings.SALEOR_SERVICES = {}
            self.settings.SECRET_KEY = keys[0]
            self.settings.SECRET_KEY_FALLBACKS = list(keys[1:])
        else:
            self.settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": list(keys)}


@pytest.fixture(params=["secret_key", "encryption_keys"])
def keys(request, settings):
    keys = Keys(settings, request.param)
    keys.use(OLD)
    return keys


def _reveal(api, service, user):
    return api.post(SERVICE, {"id": gid(service)}, user=user, expect_errors=True)


def test_a_rotated_key_leaves_everything_but_the_password_working(
    keys, api, make_service, customer, staff_user, caplog
):
    caplog.set_level(logging.INFO)
    service = make_service()
    outcome.service_provisioning_succeeded(service_id=service.pk, username="ada", password=SECRET)
    overdue = make_service()
    outcome.service_provisioning_succeeded(service_id=overdue.pk, password=SECRET)
    # One service due for its renewal today, one whose open renewal is overdue.
    Service.objects.filter(pk=service.pk).update(next_due_date=TODAY + timedelta(days=7))
    Service.objects.filter(pk=overdue.pk).update(next_due_date=TODAY - timedelta(days=10))
    Renewal.objects.create(
        service=overdue, kind=RenewalKind.RENEWAL, period_start=TODAY - timedelta(days=10),
        period_end=TODAY + timedelta(days=20), amount=Decimal(10), currency="USD",
        due_date=TODAY - timedelta(days=10),
    )
    assert _reveal(api, service, customer)["data"]["service"]["password"] == SECRET

    keys.use(NEW)

    # Rows load: every list, the owner's list, the models themselves.
    assert Service.objects.get(pk=service.pk).password  # there is a password, unreadable now
    listed = api.post(LISTS, user=staff_user)["data"]["services"]
    assert listed["totalCount"] == 2 and all(edge["node"]["password"] is None for edge in listed["edges"])
    assert api.post(MINE, user=customer)["data"]["myServices"]["totalCount"] == 2

    # The daily run goes through every step without a failure.
    done = run_daily_automation(TODAY)
    assert "failed" not in caplog.text
    assert not ServiceEvent.objects.filter(type=ServiceEventType.AUTOMATION_FAILED).exists()
    assert done["generate_renewals"] == 1 and done["suspend_overdue"] == 1
    assert Renewal.objects.filter(service=service).exists()
    overdue.refresh_from_db()
    assert overdue.status == ServiceStatus.SUSPENDED

    # The paid-order hook creates services (and ignores a repeated order).
    order = paid_order(customer, order_line())
    assert len(create_services_for_paid_order(order, today=TODAY)) == 1
    assert create_services_for_paid_order(order, today=TODAY) == []

    # Only the password itself is unavailable, with a typed error; the service is served.
    for user in (customer, staff_user):
        content = _reveal(api, service, user)
        data = content["data"]["service"]
        assert data["id"] == gid(service) and data["status"] == "ACTIVE" and data["password"] is None
        [error] = content["errors"]
        assert error["path"] == ["service", "password"]
        assert error["extensions"]["code"] == "CREDENTIALS_UNAVAILABLE"
        assert "Internal" not in error["message"] and SECRET not in str(content)

    # The old key as a second key: readable again; new writes use the first key.
    keys.use(NEW, OLD)
    assert _reveal(api, service, customer)["data"]["service"]["password"] == SECRET

    # Re-encrypting with the newest key makes the old key unnecessary, and is idempotent.
    output = StringIO()
    call_command("services_reencrypt_credentials", stdout=output)
    assert "re-encrypted 2" in output.getvalue()
    output = StringIO()
    call_command("services_reencrypt_credentials", stdout=output)
    assert "re-encrypted 0" in output.getvalue() and "already current 2" in output.getvalue()

    keys.use(NEW)
    assert _reveal(api, service, customer)["data"]["service"]["password"] == SECRET
    assert Service.objects.get(pk=overdue.pk).password.reveal() == SECRET


def test_staff_can_replace_an_unreadable_password(keys, api, make_service, staff_user):
    service = make_service()
    outcome.service_provisioning_succeeded(service_id=service.pk, password=SECRET)
    keys.use(NEW)
    content = api.post(
        'mutation($id: ID!) { serviceUpdate(id: $id, input: {password: "fresh"}) { errors { code } } }',
        {"id": gid(service)},
        user=staff_user,
    )
    assert content["data"]["serviceUpdate"]["errors"] == []
    assert _reveal(api, service, staff_user)["data"]["service"]["password"] == "fresh"
