"""The portal's one entry point: any host routes `<root><path>` here (standalone
/portal/, inside Saleor the plugin's /plugins/global/saleor_services/portal/).

Django's CSRF check is applied here, not left to the host's middleware (Saleor has
none): every POST needs the token of the form it came from.
"""

import re
from pathlib import Path

from django.http import FileResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_protect

from ..host import get_host
from . import views

STATIC = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"portal.css": "text/css", "portal.js": "text/javascript"}

_SERVICE = r"services/(?P<service_id>[0-9]{1,18})/"
ROUTES = [
    (r"", views.home, ("GET",)),
    (r"enter/(?P<token>[A-Za-z0-9_-]{1,200})/", views.enter, ("GET",)),
    (r"sign-in/", views.sign_in, ("GET", "POST")),
    (r"sign-out/", views.sign_out, ("POST",)),
    (r"services/", views.service_list, ("GET",)),
    (_SERVICE, views.service_detail, ("GET",)),
    (_SERVICE + "password/", views.reveal_password, ("POST",)),
    (_SERVICE + "cancel/", views.cancel, ("GET", "POST")),
    (_SERVICE + "withdraw/", views.withdraw, ("POST",)),
    (_SERVICE + "pause/", views.pause, ("GET", "POST")),
    (_SERVICE + "resume/", views.resume, ("POST",)),
    (_SERVICE + "reactivate/", views.reactivate, ("POST",)),
    (_SERVICE + "change-plan/", views.change_plan, ("GET", "POST")),
    (_SERVICE + "pay/", views.pay, ("GET",)),
]
_COMPILED = [(re.compile(pattern), view, methods) for pattern, view, methods in ROUTES]


def _static(name: str):
    response = FileResponse((STATIC / name).open("rb"), content_type=STATIC_FILES[name])
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@csrf_protect
def portal_response(request, path: str):
    """The response for `path` (relative to the portal's root, no leading slash)."""
    path = path.lstrip("/")
    if path.startswith("static/") and path.removeprefix("static/") in STATIC_FILES:
        return _static(path.removeprefix("static/"))
    portal = views.Portal(request, root=get_host().portal_root(request))
    for pattern, view, methods in _COMPILED:
        match = pattern.fullmatch(path)
        if match is None:
            continue
        if request.method not in methods:
            return HttpResponseNotAllowed(methods)
        return view(portal, **match.groupdict())
    return portal.not_found()
