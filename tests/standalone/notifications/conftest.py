from datetime import date
from decimal import Decimal

import pytest

from saleor_services.models import Renewal

from ..conftest import TODAY


@pytest.fixture
def renewal(make_service):
    service = make_service()
    return Renewal.objects.create(
        service=service,
        period_start=date(2026, 4, 10),
        period_end=date(2026, 5, 9),
        amount=Decimal("9.990"),
        currency="USD",
        due_date=date(2026, 4, 10),
        payment_url="https://shop.example.com/pay/1",
    )


@pytest.fixture
def sent(settings):
    """E-mails sent through the recording backend, which asserts no transaction is open."""
    from .backends import RecordingBackend

    settings.EMAIL_BACKEND = "tests.standalone.notifications.backends.RecordingBackend"
    RecordingBackend.reset()
    return RecordingBackend.sent


__all__ = ["TODAY"]
