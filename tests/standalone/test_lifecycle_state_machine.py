"""Random sequences of every lifecycle action, checking the invariants after each step."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from saleor_services import cancellation, lifecycle
from saleor_services.actors import Actor
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import (
    OPEN_CANCELLATION_STATUSES,
    CancellationMode,
    CancellationType,
    ServiceStatus,
)
from saleor_services.errors import ServiceError
from saleor_services.models import CancellationRequest, Service, ServiceEvent, ServicePlan
from saleor_services.status_counts import service_status_totals

from .conftest import PASSWORD, order_line, paid_order, snapshot

ENDED = {ServiceStatus.CANCELLED, ServiceStatus.TERMINATED, ServiceStatus.FRAUD, ServiceStatus.ARCHIVED}
START = datetime(2026, 1, 31, 12, tzinfo=UTC)


class Lifecycle(RuleBasedStateMachine):
    def __init__(self, customer, staff_user):
        super().__init__()
        self.customer = Actor.customer(customer)
        self.staff = Actor.staff(staff_user)
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.clock = time_machine.travel(START, tick=False)
        self.traveller = self.clock.start()
        self.services: list[int] = []
        self.transitions: dict[int, int] = {}
        self.due_floor: dict[int, object] = {}
        self.was_terminated: set[int] = set()

    def teardown(self):
        self.clock.stop()
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    @initialize(
        quantity=st.integers(1, 3),
        mode=st.sampled_from(CancellationMode.values),
        notice=st.sampled_from([0, 10, 45]),
        allow_pause=st.booleans(),
    )
    def create(self, quantity, mode, notice, allow_pause):
        plan = ServicePlan.objects.create(
            name="Plan", variant_id=1, cancellation_mode=mode,
            notice_period_days=notice, allow_pause=allow_pause,
        )
        services = create_services_for_paid_order(
            paid_order(self.customer.user, order_line(variant_id=plan.variant_id, quantity=quantity))
        )
        self.services = [s.pk for s in services]
        self.transitions = dict.fromkeys(self.services, 0)
        self.due_floor = {s.pk: s.next_due_date for s in services}

    def _attempt(self, function, tracked_id, **kwargs):
        status_before = Service.objects.get(pk=tracked_id).status
        before = snapshot()
        try:
            function(**kwargs)
        except ServiceError:
            assert snapshot() == before, "a refused action changed something"
            return
        if Service.objects.get(pk=tracked_id).status != status_before:
            self.transitions[tracked_id] += 1

    def _service_action(self, function, index, actor, **kwargs):
        service_id = self.services[index % len(self.services)]
        self._attempt(function, service_id, service_id=service_id, actor=actor, **kwargs)

    def _actor(self, as_customer):
        return self.customer if as_customer else self.staff

    @rule(index=st.integers(0, 2))
    def activate(self, index):
        self._service_action(lifecycle.service_activate, index, self.staff)

    @rule(index=st.integers(0, 2), reason=st.sampled_from(["", "Overdue", "x" * 1001]))
    def suspend(self, index, reason):
        self._service_action(lifecycle.service_suspend, index, self.staff, reason=reason)

    @rule(index=st.integers(0, 2))
    def unsuspend(self, index):
        self._service_action(lifecycle.service_unsuspend, index, self.staff)

    @rule(index=st.integers(0, 2), as_customer=st.booleans(), resume_in=st.sampled_from([None, 0, 5]))
    def pause(self, index, as_customer, resume_in):
        from django.utils import timezone as tz

        resume_on = None if resume_in is None else tz.localdate() + timedelta(days=resume_in)
        self._service_action(lifecycle.service_pause, index, self._actor(as_customer), resume_on=resume_on)

    @rule(index=st.integers(0, 2), as_customer=st.booleans())
    def resume(self, index, as_customer):
        self._service_action(lifecycle.service_resume, index, self._actor(as_customer))

    @rule(index=st.integers(0, 2))
    def cancel(self, index):
        self._service_action(lifecycle.service_cancel, index, self.staff)

    @rule(index=st.integers(0, 2))
    def terminate(self, index):
        self._service_action(lifecycle.service_terminate, index, self.staff)

    @rule(index=st.integers(0, 2))
    def mark_fraud(self, index):
        self._service_action(lifecycle.service_mark_fraud, index, self.staff)

    @rule(index=st.integers(0, 2))
    def archive(self, index):
        self._service_action(lifecycle.service_archive, index, self.staff)

    @rule(
        index=st.integers(0, 2),
        as_customer=st.booleans(),
        type=st.sampled_from(CancellationType.values),
        password=st.sampled_from([PASSWORD, "wrong"]),
    )
    def request_cancellation(self, index, as_customer, type, password):
        self._service_action(
            cancellation.cancellation_request_create, index, self._actor(as_customer),
            type=type, reason="Leaving", password=password,
        )

    def _request_action(self, function, index, actor, **kwargs):
        requests = list(CancellationRequest.objects.filter(service_id__in=self.services).order_by("pk"))
        if not requests:
            return
        request = requests[index % len(requests)]
        self._attempt(function, request.service_id, request_id=request.pk, actor=actor, **kwargs)

    @rule(index=st.integers(0, 3))
    def approve(self, index):
        self._request_action(cancellation.cancellation_request_approve, index, self.staff)

    @rule(index=st.integers(0, 3))
    def reject(self, index):
        self._request_action(cancellation.cancellation_request_reject, index, self.staff, note="No")

    @rule(index=st.integers(0, 3), as_customer=st.booleans())
    def withdraw(self, index, as_customer):
        self._request_action(cancellation.cancellation_request_withdraw, index, self._actor(as_customer))

    @rule(days=st.integers(1, 40))
    def time_passes(self, days):
        self.traveller.shift(timedelta(days=days))

    @rule(index=st.integers(0, 2), days=st.integers(-60, 60))
    def staff_edits_due_date(self, index, days):
        # The one way a due date may move backwards; the floor follows the edit.
        service = Service.objects.get(pk=self.services[index % len(self.services)])
        if service.next_due_date is not None:
            service.next_due_date += timedelta(days=days)
            service.save(update_fields=["next_due_date"])
            self.due_floor[service.pk] = service.next_due_date

    @invariant()
    def terminated_is_final(self):
        for service in Service.objects.filter(pk__in=self.services):
            if service.pk in self.was_terminated:
                assert service.status in (ServiceStatus.TERMINATED, ServiceStatus.ARCHIVED)
                assert service.password.reveal() == "" and service.username == ""
            if service.status == ServiceStatus.TERMINATED:
                self.was_terminated.add(service.pk)

    @invariant()
    def every_status_change_has_exactly_one_event(self):
        for service in Service.objects.filter(pk__in=self.services):
            changes = [
                event.parameters
                for event in ServiceEvent.objects.filter(service=service).order_by("pk")
                if "new_status" in event.parameters
            ]
            assert len(changes) == self.transitions[service.pk] + 1  # + the creation
            for previous, current in zip(changes, changes[1:], strict=False):
                assert current["old_status"] == previous["new_status"] != current["new_status"]
            assert changes[-1]["new_status"] == service.status

    @invariant()
    def no_open_request_on_an_ended_service(self):
        assert not CancellationRequest.objects.filter(
            service_id__in=self.services, service__status__in=ENDED, status__in=OPEN_CANCELLATION_STATUSES
        ).exists()

    @invariant()
    def due_date_never_moves_backwards(self):
        for service in Service.objects.filter(pk__in=self.services):
            floor = self.due_floor[service.pk]
            if floor is not None:
                assert service.next_due_date >= floor
                self.due_floor[service.pk] = service.next_due_date

    @invariant()
    def status_counts_match_the_services(self):
        real = Counter(Service.objects.values_list("status", flat=True))
        assert {s: n for s, n in service_status_totals().items() if n} == real


@pytest.mark.django_db
def test_lifecycle_invariants(customer, staff_user):
    run_state_machine_as_test(
        lambda: Lifecycle(customer, staff_user),
        settings=settings(
            max_examples=60,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
