"""The provisioner port: what the customer's server is told after a change commits.

Implementations are configured by dotted path in SALEOR_SERVICES['PROVISIONER'];
without one, nothing is provisioned and automatic plans activate at once.
"""

import functools
from typing import Protocol

from django.utils.module_loading import import_string

from ..conf import get_settings


class Provisioner(Protocol):
    """Each call receives a service id and runs after commit; it must not raise."""

    def provision(self, service_id: int) -> None: ...

    def suspend(self, service_id: int) -> None: ...

    def unsuspend(self, service_id: int) -> None: ...

    def terminate(self, service_id: int) -> None: ...

    def change_plan(self, service_id: int) -> None: ...


@functools.cache
def _load(path: str) -> Provisioner:
    return import_string(path)()


def get_provisioner() -> Provisioner | None:
    path = get_settings().PROVISIONER
    return _load(path) if path else None
