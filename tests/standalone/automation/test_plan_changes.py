from datetime import date
from decimal import Decimal

import pytest

from saleor_services.actors import Actor
from saleor_services.automation import run_step
from saleor_services.billing.plan_changes import service_change_plan, service_change_plan_preview
from saleor_services.billing.renewals import renewal_mark_paid
from saleor_services.creation import create_services_for_paid_order
from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.models import Renewal, ServicePlan

from ..conftest import order_line, paid_order


@pytest.fixture
def plans(plan):
    plan.price_amount, plan.currency = Decimal("30.000"), "USD"
    plan.save()
    big = ServicePlan.objects.create(name="Big", variant_id=12, price_amount=Decimal("61.000"), currency="USD")
    small = ServicePlan.objects.create(name="Small", variant_id=13, price_amount=Decimal("9.000"), currency="USD")
    plan.change_targets.set([big, small])
    return plan, big, small


@pytest.fixture
def service(customer, plans, clock):
    clock.at(date(2026, 3, 10))
    [service] = create_services_for_paid_order(
        paid_order(customer, order_line(price="30.000")), today=date(2026, 3, 10)
    )
    return service


def test_upgrade_quote_is_prorated_by_the_day(service, plans, customer):
    _, big, _ = plans
    quote = service_change_plan_preview(
        service_id=service.pk, target_plan_id=big.pk, actor=Actor.customer(customer), today=date(2026, 3, 25)
    )
    assert (quote.period_start, quote.period_end) == (date(2026, 3, 10), date(2026, 4, 10))
    assert (quote.days_left, quote.days_in_period) == (16, 31)
    assert quote.prorated_amount == Decimal("16.00")  # 31.00 × 16/31
    assert quote.is_upgrade


def test_upgrade_charges_now_and_switches_when_paid(service, plans, customer, clock):
    _, big, _ = plans
    clock.at(date(2026, 3, 25))
    _, quote, charge = service_change_plan(
        service_id=service.pk, target_plan_id=big.pk, actor=Actor.customer(customer), today=date(2026, 3, 25)
    )
    assert (charge.kind, charge.amount, charge.target_plan) == ("UPGRADE", Decimal("16.00"), big)
    service.refresh_from_db()
    assert service.plan != big  # not before payment

    renewal_mark_paid(renewal_id=charge.pk)
    service.refresh_from_db()
    assert (service.plan, service.recurring_amount) == (big, Decimal("61.000"))
    assert service.next_due_date == date(2026, 4, 10)  # the period does not move
    assert service.events.filter(type="PLAN_CHANGED").count() == 1


def test_downgrade_waits_for_the_next_renewal(service, plans, customer, clock):
    _, _, small = plans
    _, quote, charge = service_change_plan(
        service_id=service.pk, target_plan_id=small.pk, actor=Actor.customer(customer), today=date(2026, 3, 25)
    )
    assert charge is None and quote.prorated_amount == Decimal("-10.84")
    clock.at(date(2026, 4, 3))
    run_step("generate_renewals", date(2026, 4, 3))
    renewal = Renewal.objects.get(service=service, kind="RENEWAL")
    assert renewal.amount == Decimal("9.000")  # the new period is priced on the new plan

    renewal_mark_paid(renewal_id=renewal.pk)
    service.refresh_from_db()
    assert (service.plan, service.recurring_amount, service.pending_plan) == (small, Decimal("9.000"), None)


def test_only_listed_targets(service, customer):
    other = ServicePlan.objects.create(name="Elsewhere", variant_id=99, price_amount=Decimal(5), currency="USD")
    with pytest.raises(ServiceError) as refusal:
        service_change_plan(service_id=service.pk, target_plan_id=other.pk, actor=Actor.customer(customer))
    assert refusal.value.code == ServiceErrorCode.NOT_ALLOWED_BY_PLAN
    assert not Renewal.objects.exists()
