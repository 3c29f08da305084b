"""Two sweeps at once over 5,000 due services on real PostgreSQL: each thing happens once."""

import threading
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connections

from saleor_services import automation
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import ServiceEventType as E
from saleor_services.models import Renewal, Service, ServiceEvent
from saleor_services.notifications import send_pending_emails

from ..conftest import order_line, paid_order

START = date(2026, 6, 1)
COUNT = 5000


def _together(*functions):
    """Run the functions in threads released at the same moment; re-raise any error."""
    barrier = threading.Barrier(len(functions))
    results, errors = [None] * len(functions), []

    def run(index, function):
        try:
            barrier.wait()
            results[index] = function()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


def _drain_emails():
    while send_pending_emails(limit=500):
        pass


@pytest.fixture
def due_services(transactional_db, customer, plan, monkeypatch):
    # Several batches a sweep, so that two workers meet inside one and a death mid-way
    # leaves some committed.
    monkeypatch.setattr(automation, "BATCH_SIZE", 1000)
    create_services_for_paid_order(paid_order(customer, order_line(quantity=COUNT)), today=START)
    _drain_emails()
    mail.outbox.clear()
    return Service.objects.count()


def test_two_sweeps_at_once_do_everything_once(due_services, clock):
    renewal_day = START + timedelta(days=30 - 7)  # 7 days before 1 July
    clock.at(renewal_day)
    created = _together(
        lambda: automation.run_step("generate_renewals", renewal_day),
        lambda: automation.run_step("generate_renewals", renewal_day),
    )
    assert sum(created) == COUNT  # between them, every service once
    assert Renewal.objects.count() == COUNT
    assert ServiceEvent.objects.filter(type=E.RENEWAL_CREATED).count() == COUNT

    overdue_day = date(2026, 7, 4)
    clock.at(overdue_day)
    suspended = _together(
        lambda: automation.run_step("suspend_overdue", overdue_day),
        lambda: automation.run_step("suspend_overdue", overdue_day),
    )
    assert sum(suspended) == COUNT
    assert Service.objects.filter(status="SUSPENDED").count() == COUNT
    assert ServiceEvent.objects.filter(type=E.SUSPENDED).count() == COUNT

    _together(_drain_emails, _drain_emails)
    subjects = [message.subject for message in mail.outbox]
    assert subjects.count("Renewal invoice for Hosting") == COUNT
    assert subjects.count("Hosting has been suspended") == COUNT
    assert len(subjects) == 2 * COUNT


def test_an_interrupted_sweep_is_finished_by_the_next_run(due_services, clock, monkeypatch):
    renewal_day = START + timedelta(days=23)
    clock.at(renewal_day)
    real_create = automation._create_renewals
    batches = []

    def dies_on_the_third_batch(services, today):
        batches.append(len(services))
        if len(batches) == 3:
            raise SystemExit("worker killed")
        return real_create(services, today)

    monkeypatch.setattr(automation, "_create_renewals", dies_on_the_third_batch)
    with pytest.raises(SystemExit):
        automation.run_step("generate_renewals", renewal_day)
    # Two whole batches committed, the third rolled back whole.
    assert Renewal.objects.count() == 2 * automation.BATCH_SIZE
    monkeypatch.setattr(automation, "_create_renewals", real_create)

    assert automation.run_step("generate_renewals", renewal_day) == COUNT - 2 * automation.BATCH_SIZE
    assert automation.run_step("generate_renewals", renewal_day) == 0
    assert Renewal.objects.count() == COUNT
    assert ServiceEvent.objects.filter(type=E.RENEWAL_CREATED).count() == COUNT
    assert set(Renewal.objects.values_list("period_start", flat=True)) == {date(2026, 7, 1)}
