import threading
import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import (
    ActivationMode,
    BillingCycle,
    ProvisioningState,
    ServiceEventType,
    ServiceStatus,
)
from saleor_services.models import Service, ServiceEvent, ServicePlan

from .conftest import TODAY, order_line, paid_order


def test_one_service_per_unit_with_snapshot(customer, plan):
    line = order_line(quantity=2, price="12.500", options={"os": "debian"})
    order = paid_order(customer, line, order_line(variant_id=999, product_id=999))

    services = create_services_for_paid_order(order, today=date(2026, 1, 31))

    assert [(s.order_line_id, s.unit_index) for s in services] == [(line.line_id, 0), (line.line_id, 1)]
    for service in Service.objects.all():
        assert service.user == customer
        assert service.user_email == "customer@example.com"
        assert service.customer_name == "Ada Lovelace"
        assert service.order_id == order.order_id
        assert service.plan == plan
        assert service.status == ServiceStatus.ACTIVE  # automatic plan, no provisioner
        assert service.activated_at is not None
        assert service.recurring_amount == Decimal("12.500")
        assert service.currency == "USD"
        assert service.billing_cycle == BillingCycle.MONTHLY
        assert service.next_due_date == date(2026, 2, 28)
        assert service.billing_anchor_day == 31
        assert service.options == {"os": "debian"}
        [event] = ServiceEvent.objects.filter(service=service)
        assert event.type == ServiceEventType.CREATED
        assert event.actor_type == "SYSTEM"
        assert event.parameters["new_status"] == "ACTIVE"


def test_manual_plan_services_wait_for_staff(customer):
    plan = ServicePlan.objects.create(name="VPS", variant_id=5, activation_mode=ActivationMode.MANUAL)
    [service] = create_services_for_paid_order(paid_order(customer, order_line(variant_id=5)), today=TODAY)
    assert service.status == ServiceStatus.PENDING
    assert service.activated_at is None
    assert service.plan == plan


def test_product_plan_matches_any_variant_and_variant_plan_wins(customer):
    product_plan = ServicePlan.objects.create(name="Any size", product_id=7)
    variant_plan = ServicePlan.objects.create(name="Large", variant_id=72, product_id=7)
    order = paid_order(customer, order_line(variant_id=71, product_id=7), order_line(variant_id=72, product_id=7))

    first, second = create_services_for_paid_order(order, today=TODAY)

    assert (first.plan, second.plan) == (product_plan, variant_plan)


def test_one_time_plan_has_no_due_date(customer):
    ServicePlan.objects.create(name="Setup", variant_id=6, billing_cycle=BillingCycle.ONE_TIME)
    [service] = create_services_for_paid_order(paid_order(customer, order_line(variant_id=6)), today=TODAY)
    assert service.next_due_date is None


def test_order_without_service_lines_creates_nothing_in_one_query(customer, plan):
    order = paid_order(customer, order_line(variant_id=500, product_id=501))
    with CaptureQueriesContext(connection) as queries:
        assert create_services_for_paid_order(order) == []
    assert len(queries) == 1
    assert not Service.objects.exists()


def test_twice_creates_once(customer, plan):
    order = paid_order(customer, order_line(quantity=3))

    assert len(create_services_for_paid_order(order, today=TODAY)) == 3
    assert create_services_for_paid_order(order, today=TODAY) == []

    assert Service.objects.count() == 3
    assert ServiceEvent.objects.filter(type=ServiceEventType.CREATED).count() == 3


def test_guest_order_keeps_the_email(plan):
    [service] = create_services_for_paid_order(paid_order(None, order_line()), today=TODAY)
    assert service.user is None
    assert service.user_email == "guest@example.com"


def test_query_count_does_not_grow_with_lines(customer, plan):
    def queries_for(lines: int) -> int:
        order = paid_order(customer, *[order_line() for _ in range(lines)])
        with CaptureQueriesContext(connection) as queries:
            create_services_for_paid_order(order, today=TODAY)
        return len(queries)

    assert queries_for(1) == queries_for(10) == queries_for(50)


@pytest.mark.parametrize("lines", [1, 10, 50])
def test_three_statements_whatever_the_lines(customer, plan, lines):
    """Reading the plans, one INSERT of services, one of their events (the savepoint
    around them aside)."""
    order = paid_order(customer, *[order_line(quantity=2) for _ in range(lines)])
    with CaptureQueriesContext(connection) as queries:
        created = create_services_for_paid_order(order, today=TODAY)
    statements = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert len(created) == 2 * lines
    assert len(statements) <= 3, statements
    assert ServiceEvent.objects.filter(type=ServiceEventType.CREATED).count() == 2 * lines


def test_a_second_report_adds_only_the_missing_units(customer, plan):
    line = order_line(quantity=2)
    first = paid_order(customer, line)
    create_services_for_paid_order(first, today=TODAY)
    grown = paid_order(customer, line, order_line(quantity=1), order_id=first.order_id)

    [added] = create_services_for_paid_order(grown, today=TODAY)

    assert added.pk is not None and added.order_line_id == grown.lines[1].line_id
    assert Service.objects.count() == 3
    assert ServiceEvent.objects.filter(type=ServiceEventType.CREATED).count() == 3


def test_queued_for_provisioning_when_a_provisioner_is_configured(customer, plan, settings):
    settings.SALEOR_SERVICES = {"PROVISIONER": "tests.standalone.recording_provisioner.RecordingProvisioner"}
    [service] = create_services_for_paid_order(paid_order(customer, order_line()), today=TODAY)
    assert service.status == ServiceStatus.PENDING
    assert service.provisioning_state == ProvisioningState.QUEUED


@pytest.mark.django_db(transaction=True)
def test_eight_threads_create_each_service_once(customer, plan):
    order = paid_order(customer, order_line(quantity=2), order_line(quantity=3))
    barrier = threading.Barrier(8)
    created, errors = [], []

    def worker():
        try:
            barrier.wait()
            created.append(len(create_services_for_paid_order(order, today=TODAY)))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(created) == [0] * 7 + [5]
    assert Service.objects.filter(order_id=order.order_id).count() == 5
    assert ServiceEvent.objects.filter(type=ServiceEventType.CREATED).count() == 5
    assert len(set(Service.objects.values_list("order_line_id", "unit_index"))) == 5


def test_unique_constraint_backs_idempotency(customer, plan):
    from django.db import IntegrityError, transaction

    [service] = create_services_for_paid_order(paid_order(customer, order_line()), today=TODAY)
    duplicate = Service.objects.get(pk=service.pk)
    duplicate.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert Service.objects.count() == 1
    assert uuid.UUID(str(service.order_line_id))
