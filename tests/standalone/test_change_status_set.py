"""The daily run's set-based transitions (`change_status_set`) write what the engine's
`change_status_many` writes for the same move: the service's row, its event (parameters,
e-mail status, actor), the open cancellation request completed, the open renewal voided,
the provisioner's call; and a status the table refuses moves nothing."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict

from saleor_services.actors import SYSTEM, Actor
from saleor_services.cancellation import cancellation_request_create
from saleor_services.credentials import empty_secret
from saleor_services.enums import CancellationType, ServiceEventType, ServiceStatus, SuspensionCause
from saleor_services.lifecycle import change_status_many, change_status_set, end_pause
from saleor_services.models import CancellationRequest, Renewal, Service, ServiceEvent
from saleor_services.transitions import ServiceAction

from . import recording_provisioner
from .conftest import PASSWORD

AT = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
MOVES = {
    "suspend": (
        ServiceAction.SUSPEND, ServiceEventType.SUSPENDED, ServiceStatus.ACTIVE,
        {"suspended_at": AT, "suspension_reason": "Overdue renewal invoice",
         "suspension_cause": SuspensionCause.NON_PAYMENT},
        {"reason": "Overdue renewal invoice", "cause": SuspensionCause.NON_PAYMENT},
    ),
    "terminate a suspended service": (
        ServiceAction.TERMINATE, ServiceEventType.TERMINATED, ServiceStatus.SUSPENDED,
        {"terminated_at": AT, "username": "", "password": empty_secret()},
        {"reason": "Suspended for too long"},
    ),
    "terminate a cancelled service": (
        ServiceAction.TERMINATE, ServiceEventType.TERMINATED, ServiceStatus.CANCELLED,
        {"terminated_at": AT, "username": "", "password": empty_secret()},
        {"reason": "Cancelled for too long"},
    ),
}
_NOT_COMPARED = {"id", "order_id", "order_line_id", "unit_index", "created_at", "updated_at", "search_document"}


def _setting(fields: dict):
    """The engine's `apply` that sets these fields on every row."""

    def apply(service, _parameters):
        for name, value in fields.items():
            setattr(service, name, value)
        return list(fields)

    return apply


@pytest.fixture
def provisioner_calls(settings):
    settings.SALEOR_SERVICES = {"PROVISIONER": "tests.standalone.recording_provisioner.RecordingProvisioner"}
    recording_provisioner.CALLS.clear()
    yield recording_provisioner.CALLS
    recording_provisioner.CALLS.clear()


def _twin(make_service, customer, status, *, email="customer@example.com"):
    service = make_service(status)
    Service.objects.filter(pk=service.pk).update(user_email=email, username="ada")
    Renewal.objects.create(
        service=service, period_start=service.next_due_date, period_end=service.next_due_date,
        amount=Decimal("9.990"), currency="USD", due_date=service.next_due_date,
    )
    if status == ServiceStatus.ACTIVE:
        cancellation_request_create(
            service_id=service.pk, actor=Actor.customer(customer),
            type=CancellationType.END_OF_BILLING_PERIOD, reason="Bye", password=PASSWORD,
        )
    return Service.objects.get(pk=service.pk)


def _state(service: Service, *, events_after: int = 0) -> dict:
    row = {k: v for k, v in model_to_dict(Service.objects.get(pk=service.pk)).items() if k not in _NOT_COMPARED}
    row["password"] = Service.objects.get(pk=service.pk).password.reveal()
    events = [
        # Each twin's renewal has its own id.
        (e.type, e.actor_type, e.user_id, e.app_id, {**e.parameters, "renewal_id": "its renewal"}
         if "renewal_id" in e.parameters else e.parameters, e.email_status)
        for e in ServiceEvent.objects.filter(service=service, pk__gt=events_after).order_by("pk")
    ]
    renewals = list(Renewal.objects.filter(service=service).values_list("status", flat=True))
    requests = list(CancellationRequest.objects.filter(service=service).values_list("status", flat=True))
    return {"row": row, "events": events, "renewals": renewals, "requests": requests}


@pytest.mark.parametrize("move", MOVES, ids=list(MOVES))
@pytest.mark.parametrize("email", ["customer@example.com", ""], ids=["with e-mail", "without e-mail"])
def test_the_set_based_move_writes_what_the_engine_writes(
    make_service, customer, provisioner_calls, django_capture_on_commit_callbacks, move, email
):
    action, event_type, status, fields, parameters = MOVES[move]
    by_engine, by_set = (_twin(make_service, customer, status, email=email) for _ in range(2))
    written_before = ServiceEvent.objects.order_by("-pk").values_list("pk", flat=True).first()

    apply = _setting(fields)

    with django_capture_on_commit_callbacks(execute=True):
        change_status_many([by_engine], action=action, actor=SYSTEM, event_type=event_type, apply=apply, **parameters)
        moved = change_status_set([by_set.pk], action=action, event_type=event_type, apply=apply, **parameters)

    assert moved == [by_set.pk]
    engine, set_based = (_state(s, events_after=written_before) for s in (by_engine, by_set))
    assert engine["row"]["status"] != status and engine["events"]  # it moved, and said so
    assert set_based == engine
    operation = {ServiceAction.SUSPEND: "suspend", ServiceAction.TERMINATE: "terminate"}[action]
    assert sorted(provisioner_calls) == sorted([(operation, by_engine.pk), (operation, by_set.pk)])


def test_a_status_the_table_refuses_moves_nothing(make_service, customer, provisioner_calls):
    service = make_service(ServiceStatus.TERMINATED)
    before = _state(service)
    action, event_type, _status, fields, parameters = MOVES["suspend"]

    assert change_status_set(
        [service.pk], action=action, event_type=event_type, apply=_setting(fields), **parameters
    ) == []
    assert _state(service) == before
    assert provisioner_calls == []


@pytest.mark.parametrize("email", ["customer@example.com", ""], ids=["with e-mail", "without e-mail"])
def test_a_resume_with_each_rows_own_fields_writes_what_the_engine_writes(
    make_service, customer, provisioner_calls, django_capture_on_commit_callbacks, email
):
    """`apply` gives each row its own fields and parameters (the days it was paused)."""
    today = date(2026, 3, 20)
    by_engine, by_set = (_twin(make_service, customer, ServiceStatus.PAUSED, email=email) for _ in range(2))
    Service.objects.filter(pk=by_engine.pk).update(paused_at=datetime(2026, 3, 1, 12, tzinfo=UTC))
    Service.objects.filter(pk=by_set.pk).update(paused_at=datetime(2026, 3, 1, 12, tzinfo=UTC))
    by_engine.refresh_from_db()
    written_before = ServiceEvent.objects.order_by("-pk").values_list("pk", flat=True).first()

    def apply(service, parameters):
        return end_pause(service, parameters, today=today)

    with django_capture_on_commit_callbacks(execute=True):
        change_status_many(
            [by_engine], action=ServiceAction.RESUME, actor=SYSTEM, event_type=ServiceEventType.RESUMED, apply=apply
        )
        moved = change_status_set(
            [by_set.pk], action=ServiceAction.RESUME, event_type=ServiceEventType.RESUMED, apply=apply,
            reads=("paused_at", "next_due_date", "paused_days"),
        )

    assert moved == [by_set.pk]
    engine, set_based = (_state(s, events_after=written_before) for s in (by_engine, by_set))
    assert engine["row"]["paused_days"] == 19 and engine["events"][-1][4]["paused_days"] == 19
    assert set_based == engine
    assert sorted(provisioner_calls) == sorted([("unsuspend", by_engine.pk), ("unsuspend", by_set.pk)])


def test_a_cancellation_with_each_rows_own_parameters_writes_what_the_engine_writes(
    make_service, customer, provisioner_calls, django_capture_on_commit_callbacks
):
    """The moment the run gives every row and each row's own parameters (its request)."""
    by_engine, by_set = (_twin(make_service, customer, ServiceStatus.ACTIVE) for _ in range(2))
    requests = {r.service_id: r for r in CancellationRequest.objects.filter(service__in=[by_engine, by_set])}
    written_before = ServiceEvent.objects.order_by("-pk").values_list("pk", flat=True).first()

    def apply(service, parameters):
        service.cancelled_at = AT
        parameters.update(request_id=requests[service.pk].pk, reason=requests[service.pk].reason)
        return ["cancelled_at"]

    with django_capture_on_commit_callbacks(execute=True):
        change_status_many(
            [by_engine], action=ServiceAction.CANCEL, actor=SYSTEM, event_type=ServiceEventType.CANCELLED,
            apply=apply,
        )
        moved = change_status_set(
            [by_set.pk], action=ServiceAction.CANCEL, event_type=ServiceEventType.CANCELLED, apply=apply
        )

    assert moved == [by_set.pk]
    engine, set_based = (_state(s, events_after=written_before) for s in (by_engine, by_set))
    for state, service in ((engine, by_engine), (set_based, by_set)):
        [cancelled] = [event for event in state["events"] if event[0] == ServiceEventType.CANCELLED]
        assert cancelled[4]["request_id"] == requests[service.pk].pk
        cancelled[4]["request_id"] = "its request"
    assert engine["row"]["status"] == ServiceStatus.CANCELLED and engine["requests"] == ["COMPLETED"]
    assert set_based == engine
    assert sorted(provisioner_calls) == sorted([("suspend", by_engine.pk), ("suspend", by_set.pk)])
