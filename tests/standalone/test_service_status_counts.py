"""Per-status counts kept by triggers: exact after every kind of write, and under concurrency."""

import random
import threading

import pytest
from django.db import connection, connections, transaction
from django.db.models import Count

from saleor_services import lifecycle
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import ServiceStatus
from saleor_services.errors import ServiceError
from saleor_services.models import Service, ServiceStatusCount
from saleor_services.status_counts import (
    service_count,
    service_status_counts_compact,
    service_status_totals,
)
from saleor_services.transitions import ServiceAction

from .conftest import order_line, paid_order


def real_counts() -> dict[str, int]:
    rows = Service.objects.values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}


def totals() -> dict[str, int]:
    return {status: n for status, n in service_status_totals().items() if n}


def test_every_kind_of_write_keeps_the_counts_exact(customer, staff, plan):
    assert totals() == {}
    services = create_services_for_paid_order(paid_order(customer, order_line(quantity=5)))
    assert totals() == real_counts() == {ServiceStatus.ACTIVE: 5}

    lifecycle.service_suspend(service_id=services[0].pk, actor=staff, reason="abuse")
    lifecycle.services_bulk_transition(
        service_ids=[s.pk for s in services[1:3]], action=ServiceAction.SUSPEND, actor=staff
    )
    Service.objects.filter(pk=services[3].pk).update(status=ServiceStatus.PAUSED)
    assert totals() == real_counts() == {"ACTIVE": 1, "SUSPENDED": 3, "PAUSED": 1}

    Service.objects.filter(pk=services[4].pk).delete()
    assert totals() == real_counts() == {"SUSPENDED": 3, "PAUSED": 1}

    with connection.cursor() as cursor:
        # TRUNCATE refuses while the test's transaction holds deferred foreign-key checks.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE saleor_services_service CASCADE")
    assert totals() == real_counts() == {}


def test_an_update_that_keeps_the_status_writes_no_count(make_service):
    service = make_service()
    before = ServiceStatusCount.objects.count()
    Service.objects.filter(pk=service.pk).update(domain="shop.example.org")
    assert ServiceStatusCount.objects.count() == before


def test_a_rolled_back_change_counts_nothing(make_service):
    service = make_service()
    with pytest.raises(RuntimeError), transaction.atomic():
        Service.objects.filter(pk=service.pk).update(status=ServiceStatus.SUSPENDED)
        raise RuntimeError
    assert totals() == {ServiceStatus.ACTIVE: 1}


def test_lists_filtered_by_status_alone_are_counted_as_the_tabs_show_them(make_service):
    for status in (ServiceStatus.ACTIVE, ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED, ServiceStatus.ARCHIVED):
        make_service(status)
    assert service_count() == 3  # archived hidden unless asked for
    assert service_count(include_archived=True) == 4
    assert service_count(statuses=["ACTIVE", "SUSPENDED"]) == 3
    assert service_count(statuses=["ARCHIVED"]) == 1
    assert service_count(statuses=["FRAUD"]) == 0


def test_compaction_folds_the_rows_and_keeps_the_totals(customer, staff, plan):
    services = create_services_for_paid_order(paid_order(customer, order_line(quantity=6)))
    for service in services[:4]:
        lifecycle.service_suspend(service_id=service.pk, actor=staff)
    lifecycle.service_unsuspend(service_id=services[0].pk, actor=staff)
    before = totals()
    assert ServiceStatusCount.objects.count() > 2

    assert service_status_counts_compact() == 2
    assert totals() == before == real_counts() == {"ACTIVE": 3, "SUSPENDED": 3}
    assert ServiceStatusCount.objects.count() == 2


def test_concurrent_changes_and_compactions_keep_the_counts_exact(transactional_db, customer, staff, plan):
    services = create_services_for_paid_order(paid_order(customer, order_line(quantity=40)))
    ids = [service.pk for service in services]
    rounds, errors = 30, []
    barrier = threading.Barrier(6)

    def flip(seed):
        # Each writer has its own services, so every attempted change is a real one.
        rng, own = random.Random(seed), ids[seed::4]
        try:
            barrier.wait()
            for _ in range(rounds):
                service_id = rng.choice(own)
                try:
                    lifecycle.service_suspend(service_id=service_id, actor=staff)
                except ServiceError:
                    lifecycle.service_unsuspend(service_id=service_id, actor=staff)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    def compact():
        try:
            barrier.wait()
            for _ in range(rounds):
                service_status_counts_compact()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=flip, args=(seed,)) for seed in range(4)]
    threads += [threading.Thread(target=compact) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    counts = real_counts()
    assert sum(counts.values()) == 40 and counts.get("SUSPENDED", 0) > 0
    assert totals() == counts
