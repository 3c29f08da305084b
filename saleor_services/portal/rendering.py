"""The portal's own template engine: its templates and tags, whatever the host configures."""

import functools
from pathlib import Path

from django.http import HttpResponse
from django.template import Engine, RequestContext

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def engine() -> Engine:
    return Engine(
        dirs=[str(TEMPLATES)],
        libraries={"portal": "saleor_services.portal.templatetags"},
        autoescape=True,
    )


def render(request, name: str, context: dict, *, status: int = 200) -> HttpResponse:
    html = engine().get_template(name).render(RequestContext(request, context))
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "same-origin"
    response["X-Frame-Options"] = "DENY"
    response["Content-Language"] = context["tr"].language
    return response
