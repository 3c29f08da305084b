"""Seed the demo store: plans, customers and services in every status, made through the
same domain functions a real store uses (so every service has its activity log)."""

import uuid
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from saleor_services import lifecycle
from saleor_services.actors import Actor
from saleor_services.automation import run_daily_automation
from saleor_services.cancellation import cancellation_request_create
from saleor_services.creation import PaidOrder, PaidOrderLine, create_services_for_paid_order
from saleor_services.enums import ActivationMode, BillingCycle, CancellationMode, CancellationType
from saleor_services.models import Renewal, ServiceEvent, ServicePlan
from standalone.auth import issue_token
from standalone.models import CatalogueVariant

PLANS = [
    # name, variant id, cycle, price, activation, cancellation mode
    ("Shared Hosting Starter", 101, BillingCycle.MONTHLY, "4.990", ActivationMode.AUTOMATIC, CancellationMode.REQUEST),
    ("Shared Hosting Pro", 102, BillingCycle.ANNUALLY, "99.000", ActivationMode.AUTOMATIC, CancellationMode.REQUEST),
    ("VPS 4 GB", 201, BillingCycle.QUARTERLY, "36.000", ActivationMode.MANUAL, CancellationMode.REQUEST),
    ("Managed WordPress", 301, BillingCycle.MONTHLY, "19.000", ActivationMode.AUTOMATIC, CancellationMode.IMMEDIATE),
    ("Domain .com", 401, BillingCycle.ANNUALLY, "12.990", ActivationMode.AUTOMATIC, CancellationMode.REQUEST),
]

# The stand-in catalogue: each plan's variant, and a few variants no plan sells yet.
# variant id, product id, product name, variant name, SKU, price in the default channel
CATALOGUE = [
    (101, 1, "Shared Hosting", "Starter", "HOST-START", "4.990"),
    (102, 1, "Shared Hosting", "Pro", "HOST-PRO", "99.000"),
    (103, 1, "Shared Hosting", "Business", "HOST-BIZ", "14.990"),
    (201, 2, "VPS", "4 GB", "VPS-4", "36.000"),
    (202, 2, "VPS", "8 GB", "VPS-8", "64.000"),
    (301, 3, "Managed WordPress", "", "WP-MANAGED", "19.000"),
    (401, 4, "Domain", ".com", "DOM-COM", "12.990"),
    (402, 4, "Domain", ".org", "DOM-ORG", "14.990"),
]
CHANNEL = "default-channel"

CUSTOMERS = 40


class Command(BaseCommand):
    help = "Seed demo plans, customers and services (does nothing if already seeded)."

    def add_arguments(self, parser):
        parser.add_argument("--customers", type=int, default=CUSTOMERS, help="how many customers (default %(default)s)")

    def handle(self, *args, **options):
        if ServicePlan.objects.exists():
            self.stdout.write("Demo data already present.")
        else:
            self._seed(options["customers"])
        self._print_tokens()

    def _print_tokens(self):
        User = get_user_model()
        for username in ("admin", "customer1"):
            user = User.objects.filter(username=username).first()
            if user is not None:
                self.stdout.write(f"GraphQL token for {username}: {issue_token(user)}")

    def _seed(self, customer_count):
        User = get_user_model()
        staff = User.objects.create_superuser("admin", "admin@example.com", "admin")
        customers = [
            User.objects.create_user(f"customer{i}", f"customer{i}@example.com", "customer")
            for i in range(1, customer_count + 1)
        ]
        CatalogueVariant.objects.bulk_create(
            CatalogueVariant(
                variant_id=variant_id, product_id=product_id, product_name=product, name=variant, sku=sku,
                channel_prices={CHANNEL: {"amount": price, "currency": "USD"}},
            )
            for variant_id, product_id, product, variant, sku, price in CATALOGUE
        )
        plans = [
            ServicePlan.objects.create(
                name=name, variant_id=variant_id, product_id=variant_id // 100,
                billing_cycle=cycle, activation_mode=activation, cancellation_mode=mode,
                notice_period_days=14 if mode == CancellationMode.REQUEST else 0,
            )
            for name, variant_id, cycle, _price, activation, mode in PLANS
        ]
        prices = {plan.pk: Decimal(price) for plan, (*_, price, _a, _m) in zip(plans, PLANS, strict=True)}
        services = []
        for index, customer in enumerate(customers):
            lines = tuple(
                PaidOrderLine(
                    line_id=uuid.uuid4(), variant_id=plan.variant_id, product_id=plan.product_id,
                    product_name=plan.name, variant_name="", quantity=1 + (index + n) % 2,
                    unit_price=prices[plan.pk], options={"datacenter": "fra1"},
                )
                for n, plan in enumerate(plans)
            )
            order = PaidOrder(
                order_id=uuid.uuid4(), channel_slug=CHANNEL, currency="USD",
                user_id=customer.pk, user_email=customer.email,
                customer_name=f"Customer {index + 1}", lines=lines,
            )
            # Bought over the last months, so renewals fall due around today.
            services += create_services_for_paid_order(
                order, today=timezone.localdate() - timedelta(days=(index * 7) % 330)
            )
        for n, service in enumerate(services):
            service.domain = f"site{n}.example.com"
            service.save(update_fields=["domain"])
        self._spread_statuses(services, Actor.staff(staff), customers)
        # The daily automation of today: renewals, reminders, warnings.
        run_daily_automation(timezone.localdate())
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {len(plans)} plans, {len(services)} services, "
                f"{Renewal.objects.count()} renewals, {ServiceEvent.objects.count()} events."
            )
        )

    def _spread_statuses(self, services, staff, customers):
        by_user = {c.pk: c for c in customers}
        active = [s for s in services if s.status == "ACTIVE"]
        pending = [s for s in services if s.status == "PENDING"]
        for service in pending[: len(pending) // 2]:
            lifecycle.service_activate(service_id=service.pk, actor=staff)
        steps = [
            lambda s: lifecycle.service_suspend(service_id=s.pk, actor=staff, reason="Overdue invoice"),
            lambda s: lifecycle.service_pause(service_id=s.pk, actor=Actor.customer(by_user[s.user_id])),
            lambda s: lifecycle.service_cancel(service_id=s.pk, actor=staff, reason="Customer left"),
            lambda s: (lifecycle.service_suspend(service_id=s.pk, actor=staff, reason="Abuse"),
                       lifecycle.service_terminate(service_id=s.pk, actor=staff)),
            lambda s: lifecycle.service_mark_fraud(service_id=s.pk, actor=staff, reason="Chargeback"),
            lambda s: (lifecycle.service_cancel(service_id=s.pk, actor=staff),
                       lifecycle.service_archive(service_id=s.pk, actor=staff)),
            lambda s: cancellation_request_create(
                service_id=s.pk, actor=Actor.customer(by_user[s.user_id]),
                type=CancellationType.END_OF_BILLING_PERIOD,
                reason="Moving to another provider", password="customer",
            ),
        ]
        for step, service in zip(steps * (len(active) // 14 + 1), active[1::2], strict=False):
            step(service)
