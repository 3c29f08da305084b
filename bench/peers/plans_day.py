"""django-plans' renewal day, run by the peer's own virtualenv (bench/peers/install.py).

Usage: python plans_day.py DATABASE_URL SIZE build|run [--repeat N]

`build` fills the peer's own database with SIZE users on a paid plan that renews by
task (django-plans' recurring payments), BillingInfo for invoices; on the bench day
3,000 of them fall due for renewal (expiring in the next 7 days: the same 3,000 also get
the expiry reminder) and 300 have expired (the overdue ones we suspend). `run` times
django-plans' two daily tasks in a transaction rolled back after its constraint checks:
`autorenew_account()` (a receiver makes the renewal order, as a payment integration
does, which makes its proforma invoice and e-mails it) and `expire_account()` (expires
the 300 and sends the 3,000 reminders). Prints one JSON line per repeat.
"""

from datetime import timedelta
from decimal import Decimal

import django
from django.conf import settings
from peer_day import arguments, base_settings, main, timed_day

DATABASE_URL, SIZE, ACTION, REPEAT = arguments()
DUE, EXPIRED = 3000, 300
settings.configure(
    **base_settings(DATABASE_URL),
    INSTALLED_APPS=[
        "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sites", "ordered_model",
        "sequences.apps.SequencesConfig", "plans",
    ],
    SITE_ID=1,
    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
    ROOT_URLCONF="plans.urls",
    PLANS_CURRENCY="USD",
    PLANS_TAX=Decimal("0"),
    PLANS_TAX_COUNTRY="PL",
    # The policy without the EU's online VAT look-up (no network here).
    PLANS_TAXATION_POLICY="plans.taxation.ru.RussianTaxationPolicy",
    PLANS_INVOICE_ISSUER={
        "issuer_name": "Bench Hosting", "issuer_street": "1 Main St", "issuer_zipcode": "00-001",
        "issuer_city": "Warsaw", "issuer_country": "PL", "issuer_tax_number": "",
    },
    PLANS_AUTORENEW_SCHEDULE=[timedelta(days=7)],
    PLANS_EXPIRATION_REMIND=list(range(7)),
)
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.dispatch import receiver  # noqa: E402
from django.utils import timezone  # noqa: E402
from plans.models import (  # noqa: E402
    BillingInfo,
    Invoice,
    Order,
    Plan,
    PlanPricing,
    Pricing,
    RecurringUserPlan,
    UserPlan,
)
from plans.signals import account_automatic_renewal  # noqa: E402
from plans.tasks import autorenew_account, expire_account  # noqa: E402

User = get_user_model()


@receiver(account_automatic_renewal)
def make_renewal_order(sender, user, **kwargs):
    """What a payment integration does on the signal: the order (and so its proforma
    invoice and the invoice e-mail); charging the card is left out."""
    user.userplan.recurring.create_renew_order()


def build():
    call_command("migrate", verbosity=0)
    if User.objects.count() >= SIZE:
        return
    User.objects.all().delete()
    plan = Plan.objects.create(name="Hosting", slug="hosting", available=True, visible=True)
    pricing = Pricing.objects.create(name="Monthly", period=30)
    PlanPricing.objects.create(plan=plan, pricing=pricing, price=Decimal("9.99"))
    today = timezone.localdate()
    batch = 5000
    for start in range(0, SIZE, batch):
        users = User.objects.bulk_create(
            User(username=f"u{i}", email=f"c{i % 50_000}@example.com", password="!")
            for i in range(start, min(SIZE, start + batch))
        )
        plans = []
        for user in users:
            i = int(user.username[1:])
            if i < DUE:
                expire = today + timedelta(days=i % 7)
            elif i < DUE + EXPIRED:
                expire = today - timedelta(days=5)
            else:
                expire = today + timedelta(days=30 + i % 365)
            plans.append(UserPlan(user=user, plan=plan, expire=expire, active=True))
        plans = UserPlan.objects.bulk_create(plans)
        # The expired ones were tried when their slot opened (7 days before expiry) and not paid.
        tried = timezone.now() - timedelta(days=12)
        RecurringUserPlan.objects.bulk_create(
            RecurringUserPlan(user_plan=up, token="tok", payment_provider="bench", pricing=pricing,
                              amount=Decimal("9.99"), tax=Decimal("0"), currency="USD",
                              renewal_triggered_by=RecurringUserPlan.RENEWAL_TRIGGERED_BY.TASK, token_verified=True,
                              last_renewal_attempt=tried if up.expire < today else None)
            for up in plans
        )
        BillingInfo.objects.bulk_create(
            BillingInfo(user=user, name=f"Customer {user.pk}", street="1 Main St", zipcode="00-001", city="Warsaw",
                        country="PL")
            for user in users
        )
    with connection.cursor() as cursor:
        for model in (User, UserPlan, RecurringUserPlan, BillingInfo):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


def day() -> dict:
    """The day's work; returns what it wrote."""
    renewed = autorenew_account()
    expire_account()
    return {
        "renewal orders": Order.objects.count(), "invoices": Invoice.objects.count(),
        "renewals": len(renewed), "expired": UserPlan.objects.filter(active=False).count(),
        "e-mails": len(mail.outbox),
    }


def run_once() -> dict:
    mail.outbox = []
    return {"peer": "django-plans", "size": SIZE, **timed_day(day)}


def build_once() -> int:
    build()
    return User.objects.count()


if __name__ == "__main__":
    main(ACTION, REPEAT, build=build_once, run_once=run_once)
