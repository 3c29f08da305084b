from dataclasses import replace
from datetime import date

import pytest

from saleor_services.creation import create_services_for_paid_order
from saleor_services.models import Renewal

from ..automation.conftest import clock, subjects  # noqa: F401 - shared fixtures
from ..conftest import order_line, paid_order


@pytest.fixture
def buy(customer, plan, clock):  # noqa: F811
    """A service bought on `day` (the wall clock moved there), at `price` in `currency`."""

    def buy(day: date, *, price="9.990", currency="USD", user=customer):
        clock.at(day)
        order = replace(paid_order(user, order_line(price=price, product_name="Hosting")), currency=currency)
        [service] = create_services_for_paid_order(order, today=day)
        return service

    return buy


def renewals_of(service) -> list[Renewal]:
    return list(Renewal.objects.filter(service=service).order_by("pk"))


def types_of(service) -> list[str]:
    return [event.type for event in service.events.order_by("pk")]
