"""Provisioning passwords: encrypted in the database, masked in repr, logs and events."""

import logging

from django.db import connection

from saleor_services import lifecycle
from saleor_services.models import Service, ServiceEvent
from saleor_services.provisioning import outcome

SECRET = "hunter2-very-secret"


def test_password_is_encrypted_at_rest_and_masked(make_service, staff, caplog):
    caplog.set_level(logging.DEBUG)
    service = make_service()
    outcome.service_provisioning_succeeded(service_id=service.pk, username="ada", password=SECRET)
    lifecycle.service_suspend(service_id=service.pk, actor=staff, reason="check")

    with connection.cursor() as cursor:
        cursor.execute("SELECT password FROM saleor_services_service WHERE id = %s", [service.pk])
        [stored] = cursor.fetchone()
    assert stored and SECRET not in stored

    loaded = Service.objects.get(pk=service.pk)
    assert loaded.password.reveal() == SECRET
    logging.getLogger("saleor_services").info("service %r password %s", loaded, loaded.password)
    for text in (repr(loaded), str(loaded), repr(loaded.password), str(loaded.password), caplog.text):
        assert SECRET not in text
    for event in ServiceEvent.objects.filter(service=service):
        assert SECRET not in str(event.parameters)
    assert SECRET not in str(Service.objects.filter(pk=service.pk).values().get())


def test_a_changed_key_refuses_to_decrypt_rather_than_return_garbage(make_service, settings):
    import pytest

    service = make_service()
    outcome.service_provisioning_succeeded(service_id=service.pk, password=SECRET)
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEY": "another key"}
    with pytest.raises(ValueError, match="encryption key"):
        Service.objects.get(pk=service.pk)
