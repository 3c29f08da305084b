"""Template tags of the portal's own template engine (`{% load portal %}`).

`{% t "Text %(name)s" name=value %}` translates with the page's Translator (and escapes);
`{% tn "one" "%(count)s many" count %}` picks the plural; `{% money %}` and `{% day %}`
format per locale.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def t(context, message, **values):
    return context["tr"](message, **values)


@register.simple_tag(takes_context=True)
def tn(context, singular, plural, count, **values):
    return context["tr"].plural(singular, plural, count, **values)


@register.simple_tag(takes_context=True)
def money(context, amount, currency):
    return context["tr"].money(amount, currency)


@register.simple_tag(takes_context=True)
def day(context, value):
    return context["tr"].date(value)


@register.simple_tag(takes_context=True)
def badge(context, service):
    """The status badge: a colour per status, and always the status in words."""
    from django.utils.html import format_html

    from ..enums import ServiceStatus
    from .views import BADGES

    status = ServiceStatus(service.status)
    return format_html(
        '<span class="badge badge-{}" data-status="{}">{}</span>',
        BADGES[status],
        status.value,
        context["tr"](str(status.label)),
    )


@register.simple_tag(takes_context=True)
def cycle(context, service):
    from ..enums import BillingCycle

    return context["tr"](str(BillingCycle(service.billing_cycle).label))


@register.simple_tag(takes_context=True)
def renewal_status(context, renewal):
    from ..enums import RenewalStatus

    return context["tr"](str(RenewalStatus(renewal.status).label))
