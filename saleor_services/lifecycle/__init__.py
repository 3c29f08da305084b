"""The service lifecycle: the transition engine, each action's fields, the actions
callers take one service at a time, and bulk staff actions."""

from .actions import (
    cancel_locked,
    service_activate,
    service_archive,
    service_cancel,
    service_mark_fraud,
    service_pause,
    service_reactivate,
    service_resume,
    service_suspend,
    service_terminate,
    service_unsuspend,
)
from .bulk import services_bulk_transition
from .engine import change_status, change_status_many, change_status_set, lock_service
from .fields import clear_suspension, end_pause, remove_on_termination, start_suspension

__all__ = [
    "cancel_locked",
    "change_status",
    "change_status_many",
    "change_status_set",
    "clear_suspension",
    "end_pause",
    "lock_service",
    "remove_on_termination",
    "service_activate",
    "service_archive",
    "service_cancel",
    "service_mark_fraud",
    "service_pause",
    "service_reactivate",
    "service_resume",
    "service_suspend",
    "service_terminate",
    "service_unsuspend",
    "services_bulk_transition",
    "start_suspension",
]
