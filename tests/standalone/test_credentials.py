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
    """The row still loads (decryption happens on reveal only); revealing is a typed refusal."""
    import pytest

    from saleor_services.credentials import CredentialsUnavailable
    from saleor_services.errors import ServiceErrorCode

    service = make_service()
    outcome.service_provisioning_succeeded(service_id=service.pk, password=SECRET)
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEY": "another key"}
    loaded = Service.objects.get(pk=service.pk)
    assert loaded.password and SECRET not in repr(loaded.password)
    with pytest.raises(CredentialsUnavailable, match="encryption key") as refused:
        loaded.password.reveal()
    assert refused.value.code == ServiceErrorCode.CREDENTIALS_UNAVAILABLE
    assert SECRET not in str(refused.value)
    loaded.save()  # saving the row as it is keeps the stored token
    settings.SALEOR_SERVICES = {}
    assert Service.objects.get(pk=service.pk).password.reveal() == SECRET


def test_the_first_key_encrypts_and_every_key_decrypts(make_service, settings):
    from saleor_services.credentials import decrypt, encrypt

    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["old key"]}
    old_token = encrypt(SECRET)
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["new key", "old key"]}
    new_token = encrypt(SECRET)
    assert decrypt(old_token) == decrypt(new_token) == SECRET
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["new key"]}
    assert decrypt(new_token) == SECRET
    # A single ENCRYPTION_KEY is the one-key list.
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEY": "new key"}
    assert decrypt(new_token) == SECRET


def test_the_default_key_follows_secret_key_and_its_fallbacks(settings):
    import pytest

    from saleor_services.credentials import CredentialsUnavailable, decrypt, encrypt

    settings.SALEOR_SERVICES = {}
    settings.SECRET_KEY = "first secret key"
    token = encrypt(SECRET)
    settings.SECRET_KEY = "second secret key"
    with pytest.raises(CredentialsUnavailable):
        decrypt(token)
    settings.SECRET_KEY_FALLBACKS = ["first secret key"]
    assert decrypt(token) == SECRET


def test_reencrypting_works_in_batches_and_reports_unreadable_rows(make_service, settings):
    from io import StringIO

    import pytest
    from django.core.management import CommandError, call_command

    services = [make_service() for _ in range(5)]
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["old key"]}
    for service in services[:4]:
        outcome.service_provisioning_succeeded(service_id=service.pk, password=SECRET)
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["lost key"]}
    outcome.service_provisioning_succeeded(service_id=services[4].pk, password="lost")
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["new key", "old key"]}

    output = StringIO()
    with pytest.raises(CommandError, match="1 password"):
        call_command("services_reencrypt_credentials", batch_size=2, stdout=output)
    text = output.getvalue()
    assert "checked 5" in text and "re-encrypted 4" in text and "unreadable 1" in text
    assert text.count("batch") >= 3

    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["new key"]}
    assert {Service.objects.get(pk=s.pk).password.reveal() for s in services[:4]} == {SECRET}
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM saleor_services_service WHERE password = ''")
        assert cursor.fetchone() == (0,)


def test_an_email_needing_an_unreadable_password_waits_the_others_go(make_service, settings, mailoutbox):
    """Only the activation e-mail shows the password: it fails (recorded, retried later)
    while the key is wrong; every other e-mail goes out."""
    from saleor_services.enums import EmailStatus
    from saleor_services.notifications import send_pending_emails

    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["old key"]}
    with_password, without = make_service(), make_service()
    outcome.service_provisioning_succeeded(service_id=with_password.pk, password=SECRET)
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["new key"]}

    send_pending_emails()

    failed = ServiceEvent.objects.filter(service=with_password, email_status=EmailStatus.PENDING).get()
    assert failed.email_attempts == 1 and "CredentialsUnavailable" in failed.email_error
    assert ServiceEvent.objects.filter(service=without, email_status=EmailStatus.SENT).exists()
    assert all(SECRET not in message.body for message in mailoutbox)

    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["new key", "old key"]}
    send_pending_emails()
    failed.refresh_from_db()
    assert failed.email_status == EmailStatus.SENT
    assert any(SECRET in message.body for message in mailoutbox)
