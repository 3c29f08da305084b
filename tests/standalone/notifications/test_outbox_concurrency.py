"""Two senders at once: each e-mail goes out once, and nobody sends inside a
transaction (no row lock is held over the network)."""

import threading

import pytest
from django.db import connection

from saleor_services.enums import EmailStatus
from saleor_services.models import ServiceEvent
from saleor_services.notifications import send_pending_emails

from ..conftest import TODAY, order_line, paid_order
from .backends import RecordingBackend

pytestmark = pytest.mark.django_db(transaction=True)


def _pending_emails(customer, count: int) -> list[int]:
    from saleor_services.creation import create_services_for_paid_order

    create_services_for_paid_order(paid_order(customer, order_line(quantity=count)), today=TODAY)
    # Sent already (Celery runs eagerly here): owed again, as after a crash before sending.
    events = ServiceEvent.objects.filter(type="CREATED")
    events.update(email_status=EmailStatus.PENDING, email_attempts=0)
    return list(events.values_list("pk", flat=True))


def test_two_senders_send_each_e_mail_once_outside_any_transaction(customer, plan, sent):
    ids = _pending_emails(customer, 12)
    RecordingBackend.sent.clear()
    RecordingBackend.meet = threading.Barrier(2)
    counts, errors = [], []

    def sender():
        try:
            total = 0
            while done := send_pending_emails(limit=3):
                total += done
            counts.append(total)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert RecordingBackend.in_transaction == []
    assert sum(counts) == 12 and all(counts), counts  # both sent some
    assert len(sent) == 12
    assert sorted(message.subject for message in sent) == ["Your Hosting is active"] * 12
    rows = ServiceEvent.objects.filter(pk__in=ids)
    assert set(rows.values_list("email_status", "email_attempts")) == {(EmailStatus.SENT, 1)}


def test_a_claim_whose_sender_died_is_sent_by_the_next_sweep(customer, plan, sent):
    from datetime import timedelta

    from django.utils import timezone

    from saleor_services.notifications.outbox import CLAIM_LEASE

    [event_id] = _pending_emails(customer, 1)
    RecordingBackend.sent.clear()
    # A sender claimed it and died before recording a result.
    ServiceEvent.objects.filter(pk=event_id).update(
        email_status=EmailStatus.SENDING, email_claimed_at=timezone.now() - timedelta(minutes=1)
    )
    assert send_pending_emails() == 0  # still within the lease: somebody may be sending it

    ServiceEvent.objects.filter(pk=event_id).update(
        email_claimed_at=timezone.now() - CLAIM_LEASE - timedelta(seconds=1)
    )
    assert send_pending_emails() == 1
    assert [message.to for message in sent] == [["customer@example.com"]]
    assert ServiceEvent.objects.get(pk=event_id).email_status == EmailStatus.SENT
