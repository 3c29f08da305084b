"""E-mails rendered from the activity log: subject, text and HTML, in the reader's
language, with amounts and dates written as that language writes them.

Each kind has shipped templates (`templates/saleor_services/emails/<kind>/`) that staff
may replace, part by part, with the EMAIL_TEMPLATES setting.
"""

import re
from datetime import date

from django.conf import settings
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext

from ..billing.money import format_money
from ..conf import get_settings
from ..host import get_host
from ..models import Renewal, Service, ServiceEvent, StaffAlert
from .kinds import customer_kind, staff_kind

TEMPLATE_DIR = "saleor_services/emails/{kind}/{part}"
PARTS = {"subject": "subject.txt", "text": "body.txt", "html": "body.html"}
# What an override template may use besides the context: the same tags as the shipped ones.
OVERRIDE_PREAMBLE = "{% load i18n services_money %}"


def template_for(event: ServiceEvent) -> str:
    return TEMPLATE_DIR.format(kind=customer_kind(event.type), part=PARTS["text"])


def language_of(service: Service) -> str:
    """The customer's language (Saleor's `User.language_code`), else the store's."""
    return getattr(service.user, "language_code", None) or settings.LANGUAGE_CODE


def _date(value) -> str:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _money(amount, currency) -> str:
    if amount is None or not currency:
        return ""
    return format_money(amount, currency, locale=translation.to_locale(translation.get_language()))


def _service_label(service: Service) -> str:
    return f"{service.product_name} ({service.domain})" if service.domain else service.product_name


def _renewal_context(renewal: Renewal | None) -> dict:
    if renewal is None:
        return {}
    return {
        "start": _date(renewal.period_start),
        "end": _date(renewal.period_end),
        "due_date": _date(renewal.due_date),
        "amount": _money(renewal.amount, renewal.currency),
        "payment_url": renewal.payment_url or "",
    }


def _event_context(event: ServiceEvent, renewal: Renewal | None) -> dict:
    """What the templates show, formatted in the active language."""
    service = event.service
    parameters = event.parameters
    context = {
        "name": service.customer_name,
        "product": service.product_name,
        "service": _service_label(service),
        "customer": service.customer_name or service.user_email or f"#{service.user_id}",
        "days": parameters.get("days_before"),
        "date": _date(
            parameters.get("effective_date")
            or parameters.get("suspension_date")
            or parameters.get("termination_date")
        ),
        "reason": parameters.get("reason", ""),
        "note": parameters.get("note", ""),
        "error": parameters.get("error") or parameters.get("reason", ""),
        "non_payment": parameters.get("cause") == "NON_PAYMENT",
        **_renewal_context(renewal),
    }
    if "due_date" in parameters and not context.get("due_date"):
        context["due_date"] = _date(parameters["due_date"])
    if event.type in ("CREATED", "ACTIVATED"):
        context.update(
            server=service.server_hostname,
            username=service.username,
            # Decrypted only for the e-mail that shows it: a rotated key fails that e-mail
            # alone (retried), not every e-mail.
            password=service.password.reveal,
            package=service.package_name,
            next_due_date=_date(service.next_due_date),
        )
    if event.type == "PLAN_CHANGED":
        context.update(plan=service.plan.name, amount=_money(service.recurring_amount, service.currency))
    if event.type in ("RENEWAL_REFUNDED", "RENEWAL_PARTIALLY_REFUNDED") and renewal is not None:
        context["amount"] = _money(parameters.get("amount") or renewal.refunded_amount, renewal.currency)
    return context


def _render_part(kind: str, part: str, context: dict) -> str:
    override = get_settings().email_template(kind, part)
    if override is not None:
        template = Template(OVERRIDE_PREAMBLE + override)
        return template.render(Context(context, autoescape=part == "html"))
    return render_to_string(TEMPLATE_DIR.format(kind=kind, part=PARTS[part]), context)


def render(kind: str, context: dict, *, language: str) -> tuple[str, str, str]:
    """(subject, text, HTML) of one e-mail of `kind`, in `language`."""
    with translation.override(language):
        context = {key: value() if callable(value) else value for key, value in context.items()}
        # One line; a no-break space (as in "9,99 $US") stays.
        subject = re.sub(r"[ \t\r\n]+", " ", _render_part(kind, "subject", context)).strip()
        text = re.sub(r"\n{3,}", "\n\n", _render_part(kind, "text", context).strip()) + "\n"
        html = _render_part(kind, "html", {**context, "subject": subject, "language": language})
    return subject, text, html


def render_email(
    event: ServiceEvent, renewals: dict[int, Renewal] | None = None, *, language: str | None = None
) -> tuple[str, str, str]:
    """A customer's e-mail for `event`: (subject, text, HTML), in their language.

    `renewals` holds the batch's renewals by id (loaded once, not per e-mail).
    """
    renewal = renewal_for(event, renewals)
    language = language or language_of(event.service)
    with translation.override(language):
        context = _event_context(event, renewal)
        context["portal_url"] = link = portal_url(event.service)
        manage = gettext("Manage this service in your account: %(url)s") % {"url": link} if link else ""
    subject, text, html = render(customer_kind(event.type), context, language=language)
    return subject, text + (f"\n{manage}\n" if manage else ""), html


def portal_url(service: Service) -> str:
    """The service's page in the customer portal (signing in first, then back to it)."""
    base = get_settings().PORTAL_PUBLIC_URL or get_host().portal_public_url()
    return f"{base.rstrip('/')}/services/{service.pk}/" if base else ""


def render_alert(alert: StaffAlert, *, language: str | None = None) -> tuple[str, str, str]:
    """A staff alert: (subject, text, HTML), in the store's language."""
    language = language or settings.LANGUAGE_CODE
    parameters = alert.parameters
    with translation.override(language):
        renewal = None
        if parameters.get("renewal_id"):
            renewal = Renewal.objects.filter(pk=parameters["renewal_id"]).first()
        if alert.service is not None:
            event = ServiceEvent(service=alert.service, type=parameters.get("event_type", ""), parameters=parameters)
            context = _event_context(event, renewal)
        else:
            context = {"service": "", "customer": "", "date": _date(parameters.get("date"))}
        context.update(
            step=parameters.get("step", ""),
            error=parameters.get("error") or parameters.get("reason", ""),
            recipient=parameters.get("recipient", ""),
            subject=parameters.get("subject", ""),
            attempts=parameters.get("attempts", ""),
        )
        if alert.service is None:
            context["date"] = _date(parameters.get("date"))
    return render(staff_kind(alert.kind), context, language=language)


def renewal_id_of(event: ServiceEvent) -> int | None:
    return event.parameters.get("renewal_id")


def renewal_for(event: ServiceEvent, renewals: dict[int, Renewal] | None) -> Renewal | None:
    renewal_id = renewal_id_of(event)
    if not renewal_id:
        return None
    if renewals is None:
        renewals = Renewal.objects.in_bulk([renewal_id])
    return renewals.get(renewal_id)
