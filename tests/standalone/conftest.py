import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Model

from saleor_services.actors import Actor
from saleor_services.creation import PaidOrder, PaidOrderLine, create_services_for_paid_order
from saleor_services.enums import ServiceStatus
from saleor_services.models import (
    CancellationRequest,
    Renewal,
    Service,
    ServiceEvent,
    ServicePlan,
)

TODAY = date(2026, 3, 10)
PASSWORD = "correct horse battery staple"


@pytest.fixture
def customer(db):
    return get_user_model().objects.create_user("customer", "customer@example.com", PASSWORD)


@pytest.fixture
def other_customer(db):
    return get_user_model().objects.create_user("other", "other@example.com", PASSWORD)


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_user("staff", "staff@example.com", PASSWORD, is_staff=True)


@pytest.fixture
def staff(staff_user):
    return Actor.staff(staff_user)


@pytest.fixture
def as_customer(customer):
    return Actor.customer(customer)


@pytest.fixture
def plan(db):
    return ServicePlan.objects.create(name="Hosting", variant_id=11, product_id=1)


def paid_order(user, *lines, order_id=None) -> PaidOrder:
    return PaidOrder(
        order_id=order_id or uuid.uuid4(),
        channel_slug="default-channel",
        currency="USD",
        user_id=user.pk if user else None,
        user_email=user.email if user else "guest@example.com",
        customer_name="Ada Lovelace",
        lines=tuple(lines),
    )


def order_line(variant_id=11, product_id=1, quantity=1, price="9.990", **extra) -> PaidOrderLine:
    return PaidOrderLine(
        line_id=extra.pop("line_id", None) or uuid.uuid4(),
        variant_id=variant_id,
        product_id=product_id,
        product_name=extra.pop("product_name", "Hosting"),
        variant_name="",
        quantity=quantity,
        unit_price=Decimal(price),
        options=extra.pop("options", {}),
    )


@pytest.fixture
def make_service(customer, plan):
    """A service created the way a paid order creates it, then put in `status`."""

    def make(status=ServiceStatus.ACTIVE, *, user=customer, plan=plan, today=TODAY) -> Service:
        line = order_line(variant_id=plan.variant_id, product_id=plan.product_id)
        [service] = create_services_for_paid_order(paid_order(user, line), today=today)
        if status != service.status:
            # Test set-up shortcut: the table tests cover how each status is reached.
            Service.objects.filter(pk=service.pk).update(
                status=status, paused_at=service.created_at if status == ServiceStatus.PAUSED else None
            )
        service.refresh_from_db()
        return service

    return make


def _rows(model: type[Model]) -> list[dict]:
    fields = [f.attname for f in model._meta.concrete_fields if f.attname != "password"]
    return list(model.objects.order_by("pk").values(*fields))


def snapshot() -> dict:
    """Every row of the domain's tables, to prove a refusal changed nothing."""
    return {
        model.__name__: _rows(model)
        for model in (ServicePlan, Service, CancellationRequest, ServiceEvent, Renewal)
    }


@pytest.fixture
def unchanged():
    """`with unchanged(): ...` asserts the block wrote nothing to the domain's tables."""
    from contextlib import contextmanager

    @contextmanager
    def check():
        before = snapshot()
        yield
        assert snapshot() == before

    return check


def events_of(service, type=None) -> list[ServiceEvent]:
    events = ServiceEvent.objects.filter(service=service).order_by("pk")
    return list(events.filter(type=type) if type else events)


@pytest.fixture(autouse=True)
def _fresh_login_throttling():
    # The host's login throttling counts in Django's cache, which outlives a test.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing is deliberately slow; the check itself is what these tests exercise.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
