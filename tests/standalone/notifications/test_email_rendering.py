"""Every e-mail, customer's and staff's, rendered in each shipped language: subject,
text and HTML, with amounts in currency precision written the language's way."""

import pytest

from saleor_services.enums import ServiceEventType as E
from saleor_services.enums import StaffAlertKind
from saleor_services.models import ServiceEvent, StaffAlert
from saleor_services.notifications import render_alert, render_email
from saleor_services.notifications.kinds import (
    CUSTOMER_KINDS,
    STAFF_KINDS,
    customer_kind,
    staff_kind,
)

LANGUAGES = ("en", "fr", "de")
# What each language writes for USD 9.990 (Saleor stores three decimals; USD has two).
AMOUNT = {"en": "$9.99", "fr": "9,99\xa0$US", "de": "9,99\xa0$"}
DUE = {"en": "April 10, 2026", "fr": "10 avril 2026", "de": "10. April 2026"}

CUSTOMER_EVENTS = {
    E.ACTIVATED: {},
    E.RENEWAL_CREATED: {"renewal": True},
    E.RENEWAL_REMINDER: {"renewal": True, "days_before": 7, "due_date": "2026-04-10"},
    E.SUSPENSION_WARNING: {"renewal": True, "suspension_date": "2026-04-13", "days_before": 3},
    E.SUSPENDED: {"cause": "NON_PAYMENT", "reason": "Unpaid renewal"},
    E.UNSUSPENDED: {},
    E.CANCELLATION_REQUESTED: {"effective_date": "2026-04-10", "reason": "Too expensive"},
    E.CANCELLATION_APPROVED: {"effective_date": "2026-04-10", "note": "Sorry to see you go"},
    E.CANCELLATION_REJECTED: {"note": "Contract runs a year"},
    E.CANCELLATION_WITHDRAWN: {},
    E.CANCELLED: {},
    E.TERMINATION_WARNING: {"termination_date": "2026-04-13", "days_before": 3},
    E.TERMINATED: {},
    E.PLAN_CHANGED: {},
    E.RENEWAL_LINK_REPLACED: {"renewal": True},
    E.REACTIVATED: {},
}


def test_every_customer_kind_and_staff_kind_is_covered():
    assert sorted(customer_kind(type) for type in CUSTOMER_EVENTS) == sorted(CUSTOMER_KINDS)
    assert sorted(staff_kind(kind) for kind in StaffAlertKind.values) == sorted(STAFF_KINDS)


def _event(renewal, type, parameters) -> ServiceEvent:
    parameters = dict(parameters)
    if parameters.pop("renewal", False):
        parameters["renewal_id"] = renewal.pk
    return ServiceEvent(service=renewal.service, type=type, parameters=parameters)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("type", list(CUSTOMER_EVENTS))
def test_each_customer_e_mail_in_each_language(renewal, type, language):
    event = _event(renewal, type, CUSTOMER_EVENTS[type])
    subject, text, html = render_email(event, language=language)
    english = render_email(event, language="en")

    assert subject and "\n" not in subject and "{" not in subject and "%(" not in subject
    assert "Hosting" in subject or type.startswith("CANCELLATION_")
    greeting = {"en": "Hello Ada Lovelace,", "fr": "Bonjour Ada Lovelace,", "de": "Hallo Ada Lovelace,"}
    assert text.startswith(greeting[language])
    assert "Hosting" in text and "Hosting" in html
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{language}">' in html
    assert "{%" not in text + html and "%(" not in text + html
    if language != "en":
        assert subject != english[0], "subject not translated"
        assert text != english[1], "text not translated"


@pytest.mark.parametrize("language", LANGUAGES)
def test_amounts_are_money_in_currency_precision_and_dates_per_locale(renewal, language):
    event = _event(renewal, E.RENEWAL_CREATED, {"renewal": True})
    subject, text, html = render_email(event, language=language)

    assert AMOUNT[language] in text and "9.990" not in text and "9,990" not in text
    assert DUE[language] in text
    assert 'href="https://shop.example.com/pay/1"' in html
    assert "https://shop.example.com/pay/1" in text


@pytest.mark.parametrize(
    ("language", "days", "subject"),
    [
        ("en", 3, "Hosting will be suspended in 3 days"),
        ("en", 1, "Hosting will be suspended tomorrow"),
        ("en", 0, "Hosting will be suspended today"),
        ("fr", 3, "Hosting sera suspendu dans 3 jours"),
        ("fr", 1, "Hosting sera suspendu demain"),
        ("de", 3, "Hosting wird in 3 Tagen gesperrt"),
        ("de", 1, "Hosting wird morgen gesperrt"),
    ],
)
def test_warning_subjects_count_the_days(renewal, language, days, subject):
    parameters = {"renewal": True, "suspension_date": "2026-04-13", "days_before": days}
    event = _event(renewal, E.SUSPENSION_WARNING, parameters)
    assert render_email(event, language=language)[0] == subject


def test_html_escapes_what_the_customer_typed_and_text_keeps_it(renewal):
    service = renewal.service
    service.product_name = "Hosting <b>&</b>"
    event = ServiceEvent(service=service, type=E.CANCELLED, parameters={})
    subject, text, html = render_email(event, language="en")

    assert subject == "Hosting <b>&</b> has been cancelled"
    assert "Hosting <b>&</b>" in text
    assert "Hosting &lt;b&gt;&amp;&lt;/b&gt;" in html and "<b>&</b>" not in html


def test_the_activation_e_mail_lists_the_credentials(make_service):
    service = make_service()
    service.username = "ada"
    service.server_hostname = "web1.example.com"
    event = ServiceEvent(service=service, type=E.ACTIVATED, parameters={})
    _, text, html = render_email(event, language="fr")

    assert "Identifiant : ada" not in text  # French puts no space before ":" in a label
    assert "Identifiant: ada" in text and "Serveur: web1.example.com" in text
    assert "<th>Identifiant</th><td>ada</td>" in html


STAFF_ALERTS = {
    StaffAlertKind.CANCELLATION_REQUESTED: {"effective_date": "2026-04-10", "reason": "Too expensive"},
    StaffAlertKind.PROVISIONING_FAILED: {"error": "Panel said 500"},
    StaffAlertKind.RENEWAL_REFUNDED: {"renewal": True},
    StaffAlertKind.RENEWAL_PAYMENT_FAILED: {"renewal": True, "error": "Card declined"},
    StaffAlertKind.AUTOMATION_STEP_FAILED: {"step": "suspend_overdue", "date": "2026-04-10", "error": "boom"},
    StaffAlertKind.EMAIL_FAILED: {"recipient": "customer@example.com", "attempts": 5, "error": "550", "subject": "Hi"},
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(STAFF_ALERTS))
def test_each_staff_alert_in_each_language(renewal, kind, language):
    parameters = dict(STAFF_ALERTS[kind])
    if parameters.pop("renewal", False):
        parameters["renewal_id"] = renewal.pk
    service = None if kind == StaffAlertKind.AUTOMATION_STEP_FAILED else renewal.service
    alert = StaffAlert(kind=kind, key="k", service=service, parameters=parameters)
    subject, text, html = render_alert(alert, language=language)

    assert subject and "%(" not in subject + text + html and "{%" not in text + html
    if service is not None:
        assert "Hosting" in subject + text
    else:
        assert "suspend_overdue" in subject
        assert {"en": "April 10, 2026", "fr": "10 avril 2026", "de": "10. April 2026"}[language] in text
    if kind == StaffAlertKind.RENEWAL_REFUNDED:
        assert AMOUNT[language] in text
    if language != "en":
        assert subject != render_alert(alert, language="en")[0]


def test_staff_override_a_subject_and_body_per_kind(settings, renewal):
    settings.SALEOR_SERVICES = {
        "EMAIL_TEMPLATES": {
            "renewal_created": {
                "subject": "Invoice {{ product }}: {{ amount }}",
                "html": "<p>Pay {{ amount }} by {{ due_date }}</p>",
            }
        }
    }
    event = _event(renewal, E.RENEWAL_CREATED, {"renewal": True})
    subject, text, html = render_email(event, language="fr")

    assert subject == "Invoice Hosting: 9,99\xa0$US"
    assert html == "<p>Pay 9,99\xa0$US by 10 avril 2026</p>"
    assert text.startswith("Bonjour Ada Lovelace,")  # the shipped text stays


def test_shipped_catalogues_are_compiled_and_current():
    """The .mo files in the package are the compiled .po files (what the wheel ships)."""
    import subprocess
    from pathlib import Path

    import saleor_services

    locale = Path(saleor_services.__file__).parent / "locale"
    for language in LANGUAGES:
        po = locale / language / "LC_MESSAGES" / "django.po"
        mo = locale / language / "LC_MESSAGES" / "django.mo"
        compiled = subprocess.run(["msgfmt", "-o", "-", str(po)], check=True, capture_output=True).stdout
        assert mo.read_bytes() == compiled, f"{mo} is stale: run msgfmt"


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Manage this service in your account: "),
        ("fr", "Gérer ce service dans votre compte : "),
        ("de", "Diesen Dienst in Ihrem Konto verwalten: "),
    ],
)
def test_customer_e_mails_link_the_service_in_the_portal(settings, renewal, language, line):
    """Where the portal has a public address, every customer e-mail links the service's
    portal page (which asks to sign in first, then comes back to it)."""
    settings.SALEOR_SERVICES = {"PORTAL_PUBLIC_URL": "https://api.shop.example.com/portal"}
    event = _event(renewal, E.RENEWAL_CREATED, {"renewal": True})
    subject, text, html = render_email(event, language=language)

    url = f"https://api.shop.example.com/portal/services/{renewal.service.pk}/"
    assert text.rstrip().endswith(line + url)
    assert f'<a href="{url}">' in html


def test_without_a_portal_address_e_mails_carry_no_portal_link(renewal):
    subject, text, html = render_email(_event(renewal, E.RENEWAL_CREATED, {"renewal": True}), language="en")
    assert "/portal/" not in text + html
