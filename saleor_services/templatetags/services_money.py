"""`{{ amount|money:currency }}`: an amount in its currency's precision, written as the
active language writes money ("$9.99", "9,99 $US", "¥1,000")."""

from django import template
from django.utils import translation

from ..billing.money import format_money

register = template.Library()


@register.filter
def money(amount, currency):
    if amount is None or not currency:
        return ""
    return format_money(amount, currency, locale=translation.get_language() or "en")
