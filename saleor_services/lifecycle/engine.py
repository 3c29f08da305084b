"""The transition engine: lock a service, check the table, write the change and its event.

Every status change, single or bulk, goes through `change_status_many`: one UPDATE of
the rows and one INSERT of their events inside the caller's transaction, and the
provisioner called after commit. A refusal raises `ServiceError` before anything is
written.
"""

import json
from collections.abc import Callable

from django.db import connections, transaction
from django.utils import timezone

from ..actors import Actor
from ..billing.voiding import void_open_renewals
from ..bulk_sql import update_rows
from ..enums import (
    OPEN_CANCELLATION_STATUSES,
    CancellationRequestStatus,
    ServiceEventType,
    ServiceStatus,
)
from ..errors import ServiceError, ServiceErrorCode
from ..events import build_event, service_events_create
from ..models import CancellationRequest, Service
from ..provisioning import queue_provisioning
from ..reach import within_reach
from ..transitions import CUSTOMER_ACTIONS, TRANSITIONS, ServiceAction, is_allowed, target_status

# Which provisioner call follows a transition, and from which statuses the service was
# running on the server (suspending something never provisioned tells it nothing).
_PROVISIONER_CALLS: dict[ServiceAction, tuple[str, frozenset[str] | None]] = {
    ServiceAction.SUSPEND: ("suspend", None),
    ServiceAction.PAUSE: ("suspend", None),
    ServiceAction.CANCEL: ("suspend", frozenset({ServiceStatus.ACTIVE})),
    ServiceAction.MARK_FRAUD: ("suspend", frozenset({ServiceStatus.ACTIVE})),
    ServiceAction.UNSUSPEND: ("unsuspend", None),
    ServiceAction.RESUME: ("unsuspend", None),
    ServiceAction.REACTIVATE: ("unsuspend", None),
    ServiceAction.TERMINATE: ("terminate", None),
}

# Statuses after which the service no longer runs, so an open cancellation request has
# nothing left to do.
_ENDED = frozenset({ServiceStatus.CANCELLED, ServiceStatus.TERMINATED, ServiceStatus.FRAUD})
# Statuses in which nothing is billed, so an open renewal is voided on the way in
# (a resumed service gets a fresh one for its shifted period).
_NOT_BILLED = _ENDED | {ServiceStatus.PAUSED}


def lock_service(service_id: int, *, actor: Actor) -> Service:
    """The service row, locked, if `actor` may reach it (others are "not found")."""
    queryset = within_reach(Service.objects.select_for_update(of=("self",)).select_related("plan"), actor)
    try:
        return queryset.get(pk=service_id)
    except (Service.DoesNotExist, ValueError, TypeError):
        raise ServiceError(
            ServiceErrorCode.NOT_FOUND, "Service not found.", field="id"
        ) from None


def check_customer_may(actor: Actor, action: ServiceAction) -> None:
    if actor.is_customer and action not in CUSTOMER_ACTIONS:
        raise ServiceError(
            ServiceErrorCode.NOT_FOUND, "Service not found.", field="id"
        )


def _call_provisioner_after_commit(moves: list[tuple[Service, str]], action: ServiceAction) -> None:
    call = _PROVISIONER_CALLS.get(action)
    if call is None:
        return
    method, running_statuses = call
    queue_provisioning(
        [service.pk for service, old in moves if running_statuses is None or old in running_statuses],
        method,
    )


def _complete_open_requests(service_ids: list[int], now) -> None:
    """An ended service's open cancellation request has nothing left to do."""
    CancellationRequest.objects.filter(service_id__in=service_ids, status__in=OPEN_CANCELLATION_STATUSES).update(
        status=CancellationRequestStatus.COMPLETED, decided_at=now, updated_at=now
    )


def change_status_many(
    services: list[Service],
    *,
    action: ServiceAction,
    actor: Actor,
    event_type: ServiceEventType,
    apply: Callable[[Service, dict], list[str]] | None = None,
    **parameters,
) -> list[Service]:
    """Move the locked services the table allows (the rest stay as they are).

    One UPDATE for the rows and one INSERT for their events, whatever their number;
    runs inside the caller's transaction. `apply` sets the action's own fields, may
    add event parameters, and returns the names of the fields it set.
    """
    now = timezone.now()
    target = TRANSITIONS[action].target
    fields = {"status", "updated_at"}
    moves = []
    for service in services:
        if not is_allowed(action, service.status):
            continue
        event_parameters = dict(parameters)
        fields.update(apply(service, event_parameters) if apply else [])
        moves.append((service, service.status, event_parameters))
        service.status = target
        service.updated_at = now
    if not moves:
        return []
    moved = [service for service, _, _ in moves]
    update_rows(moved, sorted(fields))
    if target in _ENDED:
        _complete_open_requests([service.pk for service in moved], now)
    if target in _NOT_BILLED:
        void_open_renewals(moved, actor=actor, reason=f"The service is {target.label.lower()}.")
    service_events_create(
        [
            build_event(
                service=service,
                type=event_type,
                actor=actor,
                old_status=old,
                new_status=target,
                **event_parameters,
            )
            for service, old, event_parameters in moves
        ]
    )
    _call_provisioner_after_commit([(service, old) for service, old, _ in moves], action)
    return moved


def change_status_set(
    service_ids: list[int],
    *,
    action: ServiceAction,
    event_type: ServiceEventType,
    apply: Callable[[Service, dict], list[str]] | None = None,
    reads: tuple[str, ...] = (),
    **parameters,
) -> list[int]:
    """`change_status_many` for the system actor in one statement: the rows the table
    allows, their UPDATE and their events (Python reads only the movable rows' ids,
    statuses, addresses and `reads`, what `apply` needs). `apply` is the engine's: it
    sets a row's own fields and event parameters. The same rows, events and after-commit
    calls as `change_status_many`; returns the moved services' ids."""
    from ..actors import SYSTEM
    from ..bulk_sql import write_with_events
    from ..events import EMAIL_EVENTS
    from ..notifications.alerts import raises_alert
    from ..notifications.outbox import deliver_emails_after_commit

    assert not raises_alert(event_type), "its alerts are written by change_status_many"
    if not service_ids:
        return []
    connection = connections["default"]
    transition = TRANSITIONS[action]
    target = transition.target
    sources = sorted(str(status) for status in transition.sources)
    now = timezone.now()
    # The rows the table lets move (locked by the caller), voided first as the engine does.
    movable = list(
        Service.objects.filter(pk__in=service_ids, status__in=sources)
        .order_by("pk")
        .only("pk", "status", "user_email", *reads)
    )
    if not movable:
        return []
    if target in _NOT_BILLED:
        void_open_renewals(movable, actor=SYSTEM, reason=f"The service is {target.label.lower()}.")
    assignments, values = ["status = %s", "updated_at = %s"], [str(target), now]
    row_parameters, row_fields = _rows_own(movable, apply, parameters)
    columns = [f"c{index}" for index in range(len(row_fields))]
    for column, (field, _values) in zip(columns, row_fields, strict=True):
        assignments.append(f"{connection.ops.quote_name(field.column)} = src.{column}")
    arrays = [
        "%s::bigint[]", "%s::jsonb[]", *(f"%s::{field.db_type(connection).split('(')[0]}[]" for field, _ in row_fields)
    ]
    moved, emails_owed = write_with_events(
        f"""SELECT s.id, s.status AS old_status, s.user_email, v.*
           FROM saleor_services_service s
           JOIN UNNEST({", ".join(arrays)}) AS v(row_id, parameters{"".join(", " + c for c in columns)})
             ON v.row_id = s.id""",
        [
            [service.pk for service in movable],
            row_parameters,
            *([field.get_db_prep_save(value, connection) for value in of_rows] for field, of_rows in row_fields),
        ],
        change=f"""UPDATE saleor_services_service t SET {", ".join(assignments)}
                   FROM src WHERE t.id = src.id RETURNING t.id, t.id AS service_id""",
        change_params=values,
        join="src.id = new.id",
        event=event_type,
        event_parameters=(
            f"src.parameters || jsonb_build_object('old_status', src.old_status, 'new_status', '{target.value}')"
        ),
        email_owed="src.user_email <> ''" if event_type in EMAIL_EVENTS else "false",
    )
    if target in _ENDED:
        _complete_open_requests(moved, now)
    if emails_owed:
        deliver_emails_after_commit()
    _call_provisioner_after_commit([(service, service.status) for service in movable], action)
    return moved


def _rows_own(
    services: list[Service], apply: Callable[[Service, dict], list[str]] | None, parameters: dict
) -> tuple[list[str], list[tuple]]:
    """What `apply` gives each row: its event parameters (JSON, as build_event writes
    them: None left out) and, for each field it sets, the rows' values in order."""
    from ..events import jsonable

    row_parameters: list[str] = []
    fields: dict[str, list] = {}
    for service in services:
        own = dict(parameters)
        for name in apply(service, own) if apply else ():
            fields.setdefault(name, []).append(getattr(service, Service._meta.get_field(name).attname))
        row_parameters.append(json.dumps({key: jsonable(value) for key, value in own.items() if value is not None}))
    for name, of_rows in fields.items():
        assert len(of_rows) == len(services), f"apply sets {name} on every row or on none"
    return row_parameters, [(Service._meta.get_field(name), of_rows) for name, of_rows in fields.items()]


def change_status(
    service: Service,
    *,
    action: ServiceAction,
    actor: Actor,
    event_type: ServiceEventType,
    apply: Callable[[Service, dict], list[str]] | None = None,
    **parameters,
) -> Service:
    """Move one locked service, or refuse with a typed error before writing anything."""
    target_status(action, service.status)
    changed: list[str] = []
    if apply is not None:
        # The action's own checks run before any write: they may still refuse.
        changed = apply(service, parameters)
    change_status_many(
        [service],
        action=action,
        actor=actor,
        event_type=event_type,
        apply=lambda _service, _parameters: changed,
        **parameters,
    )
    return service


def act(
    service_id: int,
    *,
    action: ServiceAction,
    actor: Actor,
    event_type: ServiceEventType,
    apply: Callable[[Service, dict], list[str]] | None = None,
    **parameters,
) -> Service:
    check_customer_may(actor, action)
    with transaction.atomic():
        service = lock_service(service_id, actor=actor)
        return change_status(
            service, action=action, actor=actor, event_type=event_type, apply=apply, **parameters
        )
