"""Random lives of billed services: daily runs over advancing dates, payments, refunds,
pauses, resumes, cancellations, upgrades and voids, with the billing invariants after
each step.

The machine keeps its own account of what the customer paid and of the days each
service was paused; the invariants tie that account to what the package stored.
`MUTANTS` below breaks each rule the package must keep, and the machine must catch it.
"""

import sys
import traceback
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from saleor_services import automation, cancellation, lifecycle
from saleor_services.actors import SYSTEM, Actor
from saleor_services.automation import run_daily_automation
from saleor_services.billing import renewals, voiding
from saleor_services.billing.cycles import add_cycles
from saleor_services.billing.plan_changes import service_change_plan
from saleor_services.billing.renewals import renewal_mark_paid, renewal_record_refund, renewal_void
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import (
    CancellationMode,
    CancellationType,
    EmailStatus,
    RenewalKind,
    RenewalStatus,
    ServiceStatus,
)
from saleor_services.errors import ServiceError
from saleor_services.lifecycle import engine
from saleor_services.models import Renewal, Service, ServiceEvent, ServicePlan
from saleor_services.notifications import outbox, send_pending_emails

from ..conftest import PASSWORD, order_line, paid_order

PRICE = Decimal("9.990")
BIG = Decimal("19.990")  # the plan a service may upgrade to
START = date(2027, 1, 31)  # anchored to the 31st: 28 Feb, 31 Mar, 30 Apr …
NOT_BILLED = {ServiceStatus.PAUSED, ServiceStatus.CANCELLED, ServiceStatus.TERMINATED, ServiceStatus.FRAUD}
SETTLED = {RenewalStatus.PAID, RenewalStatus.PARTIALLY_REFUNDED, RenewalStatus.REFUNDED}


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


class Billing(RuleBasedStateMachine):
    def __init__(self, customer, staff_user):
        super().__init__()
        self.customer = Actor.customer(customer)
        self.staff = Actor.staff(staff_user)
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.today = START
        self.clock = time_machine.travel(noon(START), tick=False)
        self.traveller = self.clock.start()
        mail.outbox = []
        self.services: list[int] = []
        self.first_due: dict[int, date] = {}
        self.paused_since: dict[int, date] = {}
        self.paused_days: dict[int, int] = {}
        # What the customer paid for each period, in order (a full refund takes the last back).
        self.period_payments: dict[int, list[Decimal]] = {}

    def teardown(self):
        self.clock.stop()
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    @initialize(quantity=st.integers(1, 2))
    def buy(self, quantity):
        plan = ServicePlan.objects.create(
            name="Hosting", variant_id=1, cancellation_mode=CancellationMode.IMMEDIATE
        )
        bigger = ServicePlan.objects.create(
            name="Bigger", variant_id=2, price_amount=BIG, currency="USD",
            cancellation_mode=CancellationMode.IMMEDIATE,
        )
        plan.change_targets.add(bigger)
        self.bigger = bigger
        services = create_services_for_paid_order(
            paid_order(self.customer.user, order_line(variant_id=plan.variant_id, quantity=quantity, price=str(PRICE))),
            today=START,
        )
        for service in services:
            self.services.append(service.pk)
            self.first_due[service.pk] = service.next_due_date
            self.paused_days[service.pk] = 0
            self.period_payments[service.pk] = []
        # Start a week before the first due date (28 Feb): its renewal is open.
        self.today = START + timedelta(days=21)
        self.traveller.move_to(noon(self.today))
        run_daily_automation(self.today)
        send_pending_emails()

    # -- what happens to a service ----------------------------------------------------

    def _service(self, index) -> Service:
        return Service.objects.get(pk=self.services[index % len(self.services)])

    def _try(self, function, **kwargs):
        try:
            return function(**kwargs)
        except ServiceError:
            return None

    def _note_resumes(self, statuses_before: dict[int, str]):
        for service in Service.objects.filter(pk__in=self.services):
            if statuses_before[service.pk] == ServiceStatus.PAUSED and service.status != ServiceStatus.PAUSED:
                since = self.paused_since.pop(service.pk)
                if service.status == ServiceStatus.ACTIVE:  # resumed (not cancelled from a pause)
                    self.paused_days[service.pk] += (self.today - since).days

    def _statuses(self) -> dict[int, str]:
        return dict(Service.objects.filter(pk__in=self.services).values_list("pk", "status"))

    @rule(days=st.integers(1, 12))
    def days_pass(self, days):
        """The daily run, every day, then its e-mails."""
        for _ in range(days):
            self.today += timedelta(days=1)
            self.traveller.move_to(noon(self.today))
            before = self._statuses()
            run_daily_automation(self.today)
            self._note_resumes(before)
            send_pending_emails()

    @rule(index=st.integers(0, 3))
    def customer_pays_an_open_renewal(self, index):
        renewals = list(
            Renewal.objects.filter(service_id__in=self.services, status=RenewalStatus.OPEN).order_by("pk")
        )
        if not renewals:
            return
        renewal = renewals[index % len(renewals)]
        paid = self._try(renewal_mark_paid, renewal_id=renewal.pk, actor=SYSTEM, today=self.today, by_host=True)
        if paid is not None and renewal.kind == RenewalKind.RENEWAL:
            self.period_payments[renewal.service_id].append(renewal.amount)

    @rule(index=st.integers(0, 3))
    def store_refunds_a_paid_renewal_in_full(self, index):
        renewals = list(
            Renewal.objects.filter(
                service_id__in=self.services, kind=RenewalKind.RENEWAL, status=RenewalStatus.PAID
            ).order_by("pk")
        )
        if not renewals:
            return
        renewal = renewals[index % len(renewals)]
        service = Service.objects.get(pk=renewal.service_id)
        if service.next_due_date != renewal.period_end:
            return  # only the latest paid period is refunded in full here
        if self._try(renewal_record_refund, renewal_id=renewal.pk, amount=renewal.amount) is not None:
            self.period_payments[renewal.service_id].pop()

    @rule(index=st.integers(0, 3))
    def staff_void_an_open_renewal(self, index):
        renewals = list(
            Renewal.objects.filter(service_id__in=self.services, status=RenewalStatus.OPEN).order_by("pk")
        )
        if renewals:
            self._try(renewal_void, renewal_id=renewals[index % len(renewals)].pk, actor=self.staff)

    @rule(index=st.integers(0, 1), resume_in=st.sampled_from([None, 0, 3, 20]))
    def customer_pauses(self, index, resume_in):
        service = self._service(index)
        resume_on = None if resume_in is None else self.today + timedelta(days=resume_in)
        if resume_in == 0:
            resume_on = None  # a resume date must be in the future
        done = self._try(
            lifecycle.service_pause, service_id=service.pk, actor=self.customer, resume_on=resume_on, today=self.today
        )
        if done is not None:
            self.paused_since[service.pk] = self.today

    @rule(index=st.integers(0, 1))
    def customer_pauses_and_resumes_the_same_day(self, index):
        """A 0-day pause: on a service anchored to the 31st and due on a short month's
        last day, a resume that re-anchors on the due date drifts to the 28th."""
        service = self._service(index)
        before = self._statuses()
        if self._try(lifecycle.service_pause, service_id=service.pk, actor=self.customer, today=self.today):
            self._try(lifecycle.service_resume, service_id=service.pk, actor=self.customer, today=self.today)
        self._note_resumes(before)

    @rule(index=st.integers(0, 1))
    def customer_resumes(self, index):
        service = self._service(index)
        before = self._statuses()
        self._try(lifecycle.service_resume, service_id=service.pk, actor=self.customer, today=self.today)
        self._note_resumes(before)

    @rule(index=st.integers(0, 1), type=st.sampled_from(CancellationType.values))
    def customer_cancels(self, index, type):
        service = self._service(index)
        before = self._statuses()
        self._try(
            cancellation.cancellation_request_create,
            service_id=service.pk, actor=self.customer, type=type, reason="Leaving", password=PASSWORD,
            today=self.today,
        )
        self._note_resumes(before)

    @rule(index=st.integers(0, 1))
    def customer_upgrades(self, index):
        service = self._service(index)
        self._try(
            service_change_plan, service_id=service.pk, target_plan_id=self.bigger.pk,
            actor=self.customer, today=self.today,
        )

    @rule(index=st.integers(0, 1))
    def staff_terminate_a_suspended_service(self, index):
        service = self._service(index)
        self._try(lifecycle.service_terminate, service_id=service.pk, actor=self.staff)

    # -- invariants -------------------------------------------------------------------

    @invariant()
    def at_most_one_open_renewal_per_service_and_period(self):
        open_periods = Counter(
            Renewal.objects.filter(
                service_id__in=self.services, kind=RenewalKind.RENEWAL, status=RenewalStatus.OPEN
            ).values_list("service_id", "period_start")
        )
        assert all(count == 1 for count in open_periods.values()), open_periods
        per_service = Counter(service_id for service_id, _ in open_periods)
        assert all(count == 1 for count in per_service.values()), per_service

    @invariant()
    def nothing_is_open_on_a_service_that_is_not_billed(self):
        assert not Renewal.objects.filter(
            service_id__in=self.services, status=RenewalStatus.OPEN, service__status__in=NOT_BILLED
        ).exists()

    def _net_received(self, service) -> Decimal:
        return sum(
            (
                r.amount - r.refunded_amount
                for r in service.renewals.filter(kind=RenewalKind.RENEWAL, status__in=SETTLED)
            ),
            Decimal(0),
        )

    @invariant()
    def money_received_minus_refunds_is_paid_periods_times_the_price(self):
        for service in Service.objects.filter(pk__in=self.services):
            payments = self.period_payments[service.pk]
            assert self._net_received(service) == sum(payments, Decimal(0))
            assert all(amount in (PRICE, BIG) for amount in payments), payments

    @invariant()
    def the_due_date_is_the_anchor_advanced_by_the_paid_periods_plus_the_paused_time(self):
        for service in Service.objects.filter(pk__in=self.services):
            expected = add_cycles(
                self.first_due[service.pk], "MONTHLY", anchor_day=START.day,
                count=len(self.period_payments[service.pk]),
            ) + timedelta(days=self.paused_days[service.pk])
            assert service.next_due_date == expected, (service.next_due_date, expected)

    @invariant()
    def an_open_renewal_asks_for_the_service_s_current_price(self):
        """The service's price, or a downgrade's that waits for this renewal."""
        for renewal in Renewal.objects.filter(
            service_id__in=self.services, kind=RenewalKind.RENEWAL, status=RenewalStatus.OPEN
        ).select_related("service", "service__pending_plan"):
            service = renewal.service
            expected = service.pending_plan.price_amount if service.pending_plan else service.recurring_amount
            assert renewal.amount == expected, (renewal.amount, expected)

    @invariant()
    def every_e_mail_goes_out_once(self):
        send_pending_emails()
        events = ServiceEvent.objects.filter(service_id__in=self.services)
        assert not events.filter(email_status=EmailStatus.PENDING).exists()
        assert len(mail.outbox) == events.filter(email_status=EmailStatus.SENT).count()


def run_machine(customer, staff_user, *, examples=40, steps=25, shrink=True):
    run_state_machine_as_test(
        lambda: Billing(customer, staff_user),
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            derandomize=True,
            phases=tuple(Phase) if shrink else (Phase.explicit, Phase.generate),
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )


@pytest.fixture
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.mark.django_db
def test_billing_invariants(customer, staff_user, locmem_mail):
    run_machine(customer, staff_user)


# -- mutation check: each invariant fails the machine when its rule is broken ------------


def _two_renewals_for_one_period(monkeypatch):
    """Generation forgets the period's renewal (and the database lets it through)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX renewal_unique_service_period")  # rolled back with the test
    monkeypatch.setattr(automation, "PERIOD_RELEASED", frozenset(RenewalStatus))


def _pause_keeps_the_renewal_open(monkeypatch):
    monkeypatch.setattr(engine, "_NOT_BILLED", engine._ENDED)


def _refund_not_recorded(monkeypatch):
    real = renewals.renewal_record_refund

    def forgetful(**kwargs):
        renewal = real(**kwargs)
        Renewal.objects.filter(pk=renewal.pk).update(refunded_amount=0)
        return renewal

    monkeypatch.setattr(sys.modules[__name__], "renewal_record_refund", forgetful)


def _upgrade_keeps_the_old_price_renewal(monkeypatch):
    real = voiding.void_open_renewals

    def keeping(services, **kwargs):
        if kwargs.get("reason") == "Superseded by a plan change.":
            return []
        return real(services, **kwargs)

    monkeypatch.setattr(voiding, "void_open_renewals", keeping)


def _refund_keeps_the_period(monkeypatch):
    real = renewals.renewal_record_refund

    def keeping(**kwargs):
        with transaction.atomic():
            renewal = Renewal.objects.get(pk=kwargs["renewal_id"])
            due = Service.objects.get(pk=renewal.service_id).next_due_date
            result = real(**kwargs)
            Service.objects.filter(pk=renewal.service_id).update(next_due_date=due)
            return result

    monkeypatch.setattr(sys.modules[__name__], "renewal_record_refund", keeping)


def _resume_re_anchors_on_the_due_date(monkeypatch):
    """The drift of issue 11 (finding 8): resuming takes the due date's day as the anchor."""
    from saleor_services.lifecycle import actions

    real = actions.end_pause

    def re_anchoring(service, parameters, *, today):
        fields = real(service, parameters, today=today)
        if service.next_due_date is not None:
            service.billing_anchor_day, service.paused_days = service.next_due_date.day, 0
        return [*fields, "billing_anchor_day"]

    monkeypatch.setattr(actions, "end_pause", re_anchoring)


def _e_mail_sent_twice(monkeypatch):
    real = outbox.send_pending_emails

    def twice(**kwargs):
        sent = real(**kwargs)
        if sent:
            mail.outbox.extend(mail.outbox[-sent:])
        return sent

    monkeypatch.setattr(sys.modules[__name__], "send_pending_emails", twice)


MUTANTS = {
    "at_most_one_open_renewal_per_service_and_period": _two_renewals_for_one_period,
    "nothing_is_open_on_a_service_that_is_not_billed": _pause_keeps_the_renewal_open,
    "money_received_minus_refunds_is_paid_periods_times_the_price": _refund_not_recorded,
    "an_open_renewal_asks_for_the_service_s_current_price": _upgrade_keeps_the_old_price_renewal,
    "the_due_date_is_the_anchor_advanced_by_the_paid_periods_plus_the_paused_time": _resume_re_anchors_on_the_due_date,
    "the_due_date_is_the_anchor_advanced_by_the_paid_periods_plus_the_paused_time ": _refund_keeps_the_period,
    "every_e_mail_goes_out_once": _e_mail_sent_twice,
}


@pytest.mark.django_db
@pytest.mark.parametrize("invariant_name", list(MUTANTS), ids=[f"{n.strip()}-{m.__name__}" for n, m in MUTANTS.items()])
def test_the_machine_catches_each_broken_rule(invariant_name, customer, staff_user, locmem_mail, monkeypatch):
    MUTANTS[invariant_name](monkeypatch)
    with pytest.raises(AssertionError) as caught:
        run_machine(customer, staff_user, examples=150, shrink=False)
    assert invariant_name.strip() in "".join(traceback.format_tb(caught.value.__traceback__))
