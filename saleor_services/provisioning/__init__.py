"""The provisioner port: what the customer's server is told after a change commits.

Implementations are configured by dotted path in SALEOR_SERVICES['PROVISIONER'];
without one, nothing is provisioned and automatic plans activate at once.
"""

import functools
from typing import Protocol

from django.utils.module_loading import import_string

from ..conf import get_settings


class Provisioner(Protocol):
    """Each call receives a service id and the call's number for that service (calls
    are numbered in the order their changes committed); it runs after commit and must
    not raise."""

    def provision(self, service_id: int, *, sequence: int) -> None: ...

    def suspend(self, service_id: int, *, sequence: int) -> None: ...

    def unsuspend(self, service_id: int, *, sequence: int) -> None: ...

    def terminate(self, service_id: int, *, sequence: int) -> None: ...

    def change_plan(self, service_id: int, *, sequence: int) -> None: ...


@functools.cache
def _load(path: str) -> Provisioner:
    return import_string(path)()


def get_provisioner() -> Provisioner | None:
    path = get_settings().PROVISIONER
    return _load(path) if path else None


def queue_provisioning(service_ids: list[int], operation: str) -> None:
    """Number the calls and make them after commit; runs inside the change's transaction.

    Each service's counter is taken in the transaction that holds its row lock, so the
    numbers follow the order in which the changes committed, whatever order the calls
    are delivered (or retried) in: a receiver applies a call only if its number is
    higher than the last it applied.
    """
    provisioner = get_provisioner()
    if provisioner is None or not service_ids:
        return
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE saleor_services_service SET provisioning_sequence = provisioning_sequence + 1 "
            "WHERE id = ANY(%s) RETURNING id, provisioning_sequence",
            [list(service_ids)],
        )
        calls = sorted(cursor.fetchall())
    method = getattr(provisioner, operation)
    transaction.on_commit(lambda: [method(service_id, sequence=sequence) for service_id, sequence in calls])
