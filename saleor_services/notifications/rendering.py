"""A service event's e-mail, rendered in the customer's language."""

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from ..enums import ServiceEventType
from ..models import Renewal, ServiceEvent

TEMPLATE = "saleor_services/emails/{}.txt"


def template_for(event: ServiceEvent) -> str:
    kind = "activated" if event.type == ServiceEventType.CREATED else event.type.lower()
    return TEMPLATE.format(kind)


def _parameters(event: ServiceEvent) -> dict:
    """Event parameters with their dates as dates, so templates format them per language."""
    parameters = dict(event.parameters)
    for key, value in parameters.items():
        if key.endswith("_date") and isinstance(value, str):
            try:
                parameters[key] = date.fromisoformat(value)
            except ValueError:
                pass
    return parameters


def renewal_id_of(event: ServiceEvent) -> int | None:
    return event.parameters.get("renewal_id")


def render_email(event: ServiceEvent, renewals: dict[int, Renewal] | None = None) -> tuple[str, str]:
    """Subject (the template's first line) and body, in the customer's language.

    `renewals` holds the batch's renewals by id (loaded once, not per e-mail).
    """
    service = event.service
    renewal_id = renewal_id_of(event)
    if renewals is None and renewal_id:
        renewals = Renewal.objects.in_bulk([renewal_id])
    context = {
        "service": service,
        "event": event,
        "parameters": _parameters(event),
        "renewal": (renewals or {}).get(renewal_id),
        # Decrypted only by a template that shows it (the activation e-mail): a rotated
        # key fails that e-mail alone (kept pending and retried), not every e-mail.
        "password": service.password.reveal,
    }
    language = getattr(service.user, "language_code", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        text = render_to_string(template_for(event), context)
    subject, _, body = text.strip().partition("\n")
    return subject.removeprefix("Subject:").strip(), body.strip() + "\n"
