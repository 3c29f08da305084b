"""A real Celery worker on real Redis runs the automation handed to it through the broker."""

from datetime import date

import pytest
from celery.contrib.testing.worker import start_worker

from saleor_services.creation import create_services_for_paid_order
from saleor_services.models import Renewal
from saleor_services.schedule import DAILY_AUTOMATION, EMAIL_SWEEP, STATUS_COUNTS
from saleor_services.tasks import run_automation_step
from standalone.celery import app

from ..conftest import order_line, paid_order


def test_beat_entries_are_on_the_app():
    schedule = app.conf.beat_schedule
    assert schedule[DAILY_AUTOMATION]["task"] == "saleor_services.run_daily_automation"
    assert schedule[DAILY_AUTOMATION]["schedule"].hour == {3}
    assert schedule[EMAIL_SWEEP]["task"] == "saleor_services.send_service_emails"
    assert schedule[STATUS_COUNTS]["task"] == "saleor_services.compact_service_status_counts"
    assert schedule[STATUS_COUNTS]["task"] in app.tasks


@pytest.fixture
def real_worker(settings):
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.task_always_eager = True


@pytest.mark.django_db(transaction=True)
def test_a_step_sent_through_redis_does_its_work(customer, plan, real_worker):
    create_services_for_paid_order(paid_order(customer, order_line(quantity=3)), today=date(2026, 6, 1))

    result = run_automation_step.delay("generate_renewals", "2026-06-25")

    assert result.get(timeout=60) == 3
    assert Renewal.objects.filter(due_date=date(2026, 7, 1)).count() == 3
