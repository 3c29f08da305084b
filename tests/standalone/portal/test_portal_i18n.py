"""English, French and German; the customer's language first, then the browser's; money
and dates per locale."""

from datetime import date
from decimal import Decimal

import pytest

from saleor_services.portal.catalogue import messages
from saleor_services.portal.i18n import LANGUAGES, Translator, catalogue, choose_language

from .conftest import PORTAL, text


@pytest.mark.parametrize("language", ["fr", "de"])
def test_every_message_is_translated(language):
    translations = catalogue(language)
    missing = [message for message in sorted(messages()) if translations.gettext(message) == message
               and message not in {"Actions", "Dates", "Pages", "Status", "Name", "Server", "Domain", "Plan"}]
    assert missing == []


def test_the_catalogues_ship_compiled():
    from saleor_services.portal.i18n import LOCALE_DIR

    for language in LANGUAGES:
        assert (LOCALE_DIR / language / "LC_MESSAGES" / "portal.mo").is_file()


def test_the_customers_language_comes_before_the_browsers():
    class SaleorLikeUser:
        language_code = "de"

    assert choose_language(user=SaleorLikeUser(), accept_language="fr-FR,fr;q=0.9") == "de"
    assert choose_language(user=None, accept_language="es-ES,fr;q=0.8,en;q=0.5") == "fr"
    assert choose_language(user=None, accept_language="") == "en"


def test_money_and_dates_per_locale():
    assert Translator("fr").money(Decimal("1234.5"), "EUR") == "1\u202f234,50\xa0€"
    assert Translator("de").date(date(2026, 3, 10)) == "10.03.2026"
    assert Translator("en").money(Decimal("1000"), "JPY") == "¥1,000"


def test_the_pages_follow_accept_language(signed_in, make_service):
    service = make_service()
    page = text(signed_in.get(f"{PORTAL}services/{service.pk}/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9"))
    assert '<html lang="fr">' in page and "Mes services" in page and "9,99\xa0$US" in page
    page = text(signed_in.get(f"{PORTAL}services/", HTTP_ACCEPT_LANGUAGE="de"))
    assert "Meine Dienste" in page and "Monatlich" in page
