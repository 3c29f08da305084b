"""The portal's own catalogue (English, French, German) and per-locale formatting.

Kept apart from Django's catalogues (its own gettext domain in portal/locale), so the
portal never changes how the host translates its own strings.
"""

import functools
import gettext
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from babel.dates import format_date, format_datetime
from django.utils.translation.trans_real import parse_accept_lang_header

from ..billing.money import format_money

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "portal"
LANGUAGES = ("en", "fr", "de")
DEFAULT = "en"


@functools.cache
def catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def _supported(code: str | None) -> str | None:
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def choose_language(*, user=None, accept_language: str = "") -> str:
    """The customer's own language (Saleor's `language_code`), then the browser's."""
    chosen = _supported(getattr(user, "language_code", None))
    if chosen:
        return chosen
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        chosen = _supported(code)
        if chosen:
            return chosen
    return DEFAULT


class Translator:
    """What a page renders with: gettext, plurals, money and dates for one language."""

    def __init__(self, language: str):
        self.language = language
        self._catalogue = catalogue(language)

    def __call__(self, message: str, **values) -> str:
        text = self._catalogue.gettext(message)
        return text % values if values else text

    def plural(self, singular: str, plural: str, count: int, **values) -> str:
        text = self._catalogue.ngettext(singular, plural, count)
        return text % {"count": count, **values}

    def money(self, amount: Decimal | None, currency: str) -> str:
        return "" if amount is None else format_money(amount, currency, locale=self.language)

    def date(self, value: date | datetime | None) -> str:
        if value is None:
            return "—"
        if isinstance(value, datetime):
            return format_datetime(value, format="medium", locale=self.language)
        return format_date(value, format="medium", locale=self.language)
