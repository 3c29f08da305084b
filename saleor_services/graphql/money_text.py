"""Amounts written for people: per locale, in the currency's precision ("$9.99",
"9,99 €", "¥1,000"), beside each `Money` field, so a storefront or the Dashboard shows
what the e-mails show without formatting money itself."""

import graphene
from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils import translation

from ..billing.money import format_money
from ..errors import ServiceErrorCode
from .errors import ServiceGraphQLError

LOCALE_ARGUMENT = graphene.String(
    description=(
        "Locale to write the amount in, e.g. `en`, `fr`, `de-CH`. Default: the request's "
        "language, else the store's."
    )
)


def money_text_field(what: str) -> graphene.String:
    return graphene.String(
        required=True,
        locale=LOCALE_ARGUMENT,
        description=f"{what}, written in the locale's format with the currency's precision.",
    )


def _locale(requested: str | None) -> str:
    name = requested or translation.get_language() or settings.LANGUAGE_CODE
    try:
        Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ServiceGraphQLError(f"Unknown locale {requested!r}.", code=ServiceErrorCode.INVALID.value) from None
    return name


def money_text(amount, currency: str, locale: str | None = None) -> str:
    return format_money(amount, currency, locale=_locale(locale))
