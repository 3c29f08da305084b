"""django-silver's renewal day, run by the peer's own virtualenv (bench/peers/install.py).

Usage: python silver_day.py DATABASE_URL SIZE build|run [--repeat N]

`build` fills the peer's own database with SIZE monthly, pre-billed subscriptions of one
provider (proforma flow, documents issued at once) spread over min(SIZE, 50,000)
customers, each with its billing log; on the billing day 3,000 of them are due for the
next period, every other one is billed up to the month's end. `run` times what silver's
daily task `generate_billing_documents` does (`DocumentsGenerator().generate(billing_date)`)
in a transaction rolled back after its constraint checks. Silver bills on its calendar
(the first of the month, the last one that has passed); it sends no e-mail, has no
reminders and suspends nothing. Prints one JSON line per repeat.
"""

from datetime import date, timedelta
from decimal import Decimal

import django
from django.conf import settings
from peer_day import arguments, base_settings, main, timed_day

DATABASE_URL, SIZE, ACTION, REPEAT = arguments()
DUE = 3000
settings.configure(
    **base_settings(DATABASE_URL),
    INSTALLED_APPS=[
        "django.contrib.auth", "django.contrib.contenttypes", "rest_framework", "django_filters", "django_fsm",
        "silver",
    ],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
                "OPTIONS": {"context_processors": []}}],
    PAYMENT_PROCESSORS={},
    PAYMENT_METHOD_SECRET=b"YOUR_FERNET_KEY_GOES_HERE_00000000000000000=",
    SILVER_DEFAULT_DUE_DAYS=5,
    SILVER_AUTOMATICALLY_CREATE_TRANSACTIONS=True,
    MEDIA_ROOT="/tmp/silver-bench-media",
    MEDIA_URL="/media/",
)
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from silver.documents_generator import DocumentsGenerator  # noqa: E402
from silver.models import (  # noqa: E402
    BillingLog,
    Customer,
    DocumentEntry,
    Plan,
    ProductCode,
    Proforma,
    Provider,
    Subscription,
)

BILLING_DATE = timezone.now().date().replace(day=1)


def _month_before(day: date) -> date:
    return (day - timedelta(days=1)).replace(day=1)


def build():
    call_command("migrate", verbosity=0)
    if Subscription.objects.count() >= SIZE:
        return
    Subscription.objects.all().delete()
    Customer.objects.all().delete()
    code, _ = ProductCode.objects.get_or_create(value="hosting")
    provider = Provider.objects.create(
        name="Bench Hosting", company="Bench Hosting", address_1="1 Main St", country="RO", city="Bucharest",
        flow="proforma", invoice_series="BI", invoice_starting_number=1, proforma_series="BP",
        proforma_starting_number=1, default_document_state="issued",
    )
    plan = Plan.objects.create(name="Hosting", interval="month", interval_count=1, amount=Decimal("9.99"),
                               currency="USD", prebill_plan=True, product_code=code, provider=provider)
    customers = Customer.objects.bulk_create(
        Customer(first_name="Customer", last_name=str(i), address_1="1 Main St", country="RO", city="Bucharest",
                 email=f"c{i}@example.com", currency="USD", consolidated_billing=False)
        for i in range(min(SIZE, 50_000))
    )
    start = _month_before(_month_before(_month_before(BILLING_DATE)))
    previous = _month_before(BILLING_DATE)
    next_month = (BILLING_DATE + timedelta(days=32)).replace(day=1)
    batch = 5000
    for first in range(0, SIZE, batch):
        subscriptions = Subscription.objects.bulk_create(
            Subscription(plan=plan, customer=customers[i % len(customers)], start_date=start, state="active",
                         reference=str(i))
            for i in range(first, min(SIZE, first + batch))
        )
        BillingLog.objects.bulk_create(
            BillingLog(
                subscription=s, billing_date=previous if int(s.reference) < DUE else BILLING_DATE,
                # Due: billed up to the day before the billing date; the others already
                # pre-billed for this month.
                plan_billed_up_to=(BILLING_DATE if int(s.reference) < DUE else next_month) - timedelta(days=1),
                metered_features_billed_up_to=(previous if int(s.reference) < DUE else BILLING_DATE)
                - timedelta(days=1),
                total=Decimal("9.99"), plan_amount=Decimal("9.99"), metered_features_amount=Decimal("0"),
            )
            for s in subscriptions
        )
    with connection.cursor() as cursor:
        for model in (Customer, Subscription, BillingLog):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


def day() -> dict:
    """The day's work; returns what it wrote."""
    DocumentsGenerator().generate(billing_date=BILLING_DATE)
    return {
        "proformas issued": Proforma.objects.filter(state="issued").count(),
        "document entries": DocumentEntry.objects.count(),
        "billing logs added": BillingLog.objects.filter(
            billing_date=BILLING_DATE, proforma__isnull=False
        ).count(),
    }


def run_once() -> dict:
    return {"peer": "django-silver", "size": SIZE, **timed_day(day)}


def build_once() -> int:
    build()
    return Subscription.objects.count()


if __name__ == "__main__":
    main(ACTION, REPEAT, build=build_once, run_once=run_once)
