"""Every action from every status: allowed moves write one event, refusals change nothing."""

import pytest

from saleor_services import lifecycle
from saleor_services.enums import ServiceEventType, ServiceStatus
from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.models import Service
from saleor_services.transitions import TRANSITIONS, ServiceAction

from .conftest import events_of

S = ServiceStatus

EXPECTED = {
    ServiceAction.ACTIVATE: ({S.PENDING}, S.ACTIVE),
    ServiceAction.SUSPEND: ({S.ACTIVE}, S.SUSPENDED),
    ServiceAction.UNSUSPEND: ({S.SUSPENDED}, S.ACTIVE),
    ServiceAction.PAUSE: ({S.ACTIVE}, S.PAUSED),
    ServiceAction.RESUME: ({S.PAUSED}, S.ACTIVE),
    ServiceAction.CANCEL: ({S.PENDING, S.ACTIVE, S.SUSPENDED, S.PAUSED}, S.CANCELLED),
    ServiceAction.TERMINATE: ({S.SUSPENDED, S.CANCELLED}, S.TERMINATED),
    ServiceAction.MARK_FRAUD: (set(S) - {S.TERMINATED, S.FRAUD, S.ARCHIVED}, S.FRAUD),
    ServiceAction.ARCHIVE: ({S.CANCELLED, S.TERMINATED, S.FRAUD}, S.ARCHIVED),
    ServiceAction.REACTIVATE: ({S.CANCELLED}, S.ACTIVE),
}

ACTIONS = {
    ServiceAction.ACTIVATE: (lifecycle.service_activate, ServiceEventType.ACTIVATED),
    ServiceAction.SUSPEND: (lifecycle.service_suspend, ServiceEventType.SUSPENDED),
    ServiceAction.UNSUSPEND: (lifecycle.service_unsuspend, ServiceEventType.UNSUSPENDED),
    ServiceAction.PAUSE: (lifecycle.service_pause, ServiceEventType.PAUSED),
    ServiceAction.RESUME: (lifecycle.service_resume, ServiceEventType.RESUMED),
    ServiceAction.CANCEL: (lifecycle.service_cancel, ServiceEventType.CANCELLED),
    ServiceAction.TERMINATE: (lifecycle.service_terminate, ServiceEventType.TERMINATED),
    ServiceAction.MARK_FRAUD: (lifecycle.service_mark_fraud, ServiceEventType.MARKED_FRAUD),
    ServiceAction.ARCHIVE: (lifecycle.service_archive, ServiceEventType.ARCHIVED),
    ServiceAction.REACTIVATE: (lifecycle.service_reactivate, ServiceEventType.REACTIVATED),
}

CASES = [(action, status) for action in ServiceAction for status in S]


def test_table_is_the_designed_one():
    assert {
        action: (set(t.sources), t.target) for action, t in TRANSITIONS.items()
    } == EXPECTED


@pytest.mark.parametrize(("action", "status"), CASES, ids=[f"{a}-{s}" for a, s in CASES])
def test_action_from_status(action, status, make_service, staff, unchanged):
    service = make_service(status)
    function, event_type = ACTIONS[action]
    sources, target = EXPECTED[action]
    events_before = len(events_of(service))

    if status in sources:
        result = function(service_id=service.pk, actor=staff)
        service.refresh_from_db()
        assert result.status == service.status == target
        # The change's own event first (a resume may issue its period's renewal after it).
        event, *renewal_events = events_of(service)[events_before:]
        assert {e.type for e in renewal_events} <= {"RENEWAL_CREATED"}
        assert event.type == event_type
        assert event.actor_type == "STAFF" and event.user_id == staff.user.pk
        assert event.parameters["old_status"] == status
        assert event.parameters["new_status"] == target
    else:
        with unchanged(), pytest.raises(ServiceError) as refusal:
            function(service_id=service.pk, actor=staff)
        assert refusal.value.code == ServiceErrorCode.INVALID_TRANSITION
        assert Service.objects.get(pk=service.pk).status == status


def test_unknown_service_is_not_found(db, staff, unchanged):
    with unchanged(), pytest.raises(ServiceError) as refusal:
        lifecycle.service_suspend(service_id=987654, actor=staff)
    assert refusal.value.code == ServiceErrorCode.NOT_FOUND
