from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from saleor_services.automation import run_daily_automation
from saleor_services.notifications import send_pending_emails


@pytest.fixture
def clock():
    """Moves the wall clock to noon of a day; `clock.live(start, end)` runs the automation daily."""

    class Clock:
        def __init__(self):
            self.traveller = None

        def at(self, day: date):
            moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            if self.traveller is None:
                self._travel = time_machine.travel(moment, tick=False)
                self.traveller = self._travel.start()
            else:
                self.traveller.move_to(moment)

        def live(self, start: date, end: date):
            """Every day from start to end inclusive: the daily run, then its e-mails."""
            day = start
            while day <= end:
                self.at(day)
                run_daily_automation(day)
                # The test's transaction never commits, so the outbox is flushed by hand.
                send_pending_emails()
                day += timedelta(days=1)

        def stop(self):
            if self.traveller is not None:
                self._travel.stop()

    clock = Clock()
    yield clock
    clock.stop()


def subjects() -> list[str]:
    send_pending_emails()
    return [message.subject for message in mail.outbox]
