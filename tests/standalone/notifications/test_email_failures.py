"""A customer e-mail the server refuses is tried again, then marked FAILED after
EMAIL_MAX_ATTEMPTS: written in the activity log, staff alerted, staff may retry it."""

import pytest

from saleor_services.actors import SYSTEM
from saleor_services.enums import EmailStatus, StaffAlertKind
from saleor_services.models import ServiceEvent, StaffAlert
from saleor_services.notifications import email_retry, send_pending_emails

from .backends import RecordingBackend

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def two_tries(settings):
    settings.SALEOR_SERVICES = {"EMAIL_MAX_ATTEMPTS": 2, "STAFF_ALERT_RECIPIENTS": ["ops@example.com"]}


def test_repeated_failures_are_logged_and_alert_staff_once(make_service, sent):
    RecordingBackend.refused = {"customer@example.com"}
    service = make_service()  # the activation e-mail's first try fails (sent after commit)
    created = service.events.get(type="CREATED")
    assert (created.email_status, created.email_attempts) == (EmailStatus.PENDING, 1)
    assert "SMTPRecipientsRefused" in created.email_error

    assert send_pending_emails() == 0  # the second and last try
    send_pending_emails()  # nothing left to try

    created.refresh_from_db()
    assert (created.email_status, created.email_attempts) == (EmailStatus.FAILED, 2)
    [logged] = service.events.filter(type="EMAIL_FAILED")
    assert logged.parameters["email_event_id"] == created.pk
    assert logged.parameters["recipient"] == "customer@example.com"
    assert logged.email_status == EmailStatus.NOT_REQUIRED
    [alert] = StaffAlert.objects.all()
    assert (alert.kind, alert.status) == (StaffAlertKind.EMAIL_FAILED, EmailStatus.SENT)
    assert [(m.subject, m.to) for m in sent] == [
        ("An e-mail to customer@example.com could not be sent", ["ops@example.com"])
    ]
    assert "Your Hosting is active" in sent[0].body


def test_staff_retry_sends_a_failed_e_mail_with_fresh_tries(make_service, sent):
    RecordingBackend.refused = {"customer@example.com"}
    service = make_service()
    send_pending_emails()
    created = service.events.get(type="CREATED")
    RecordingBackend.refused = set()  # the mailbox was fixed

    email_retry(event_id=created.pk, actor=SYSTEM)  # sent after commit

    created.refresh_from_db()
    assert (created.email_status, created.email_attempts, created.email_error) == (EmailStatus.SENT, 1, "")
    assert [m.subject for m in sent if m.to == ["customer@example.com"]] == ["Your Hosting is active"]


def test_only_a_failed_e_mail_can_be_retried(make_service, sent):
    from saleor_services.errors import ServiceError

    service = make_service()
    created = service.events.get(type="CREATED")
    assert created.email_status == EmailStatus.SENT

    with pytest.raises(ServiceError) as refused:
        email_retry(event_id=created.pk, actor=SYSTEM)
    assert refused.value.code == "INVALID_TRANSITION"
    assert ServiceEvent.objects.get(pk=created.pk).email_status == EmailStatus.SENT
