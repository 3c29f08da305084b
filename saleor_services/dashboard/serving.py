"""Serve the built extension from any route prefix (Saleor's plugin route or a host's URL).

Unknown paths fall back to index.html with the right `<base href>` (the app routes on the
client); paths outside the build are refused; hashed assets are cached for a year,
index.html never.
"""

import mimetypes
from pathlib import Path

from django.http import FileResponse, HttpResponse, HttpResponseNotFound

STATIC_ROOT = Path(__file__).resolve().parent / "static"
INDEX = "index.html"
BASE_MARKER = "<!--base-href-->"


def _resolve(relative: str) -> Path | None:
    """The file under STATIC_ROOT that `relative` names, or None (missing or outside)."""
    if "\x00" in relative or "\\" in relative:
        return None
    candidate = (STATIC_ROOT / relative.lstrip("/")).resolve()
    try:
        candidate.relative_to(STATIC_ROOT)
    except ValueError:
        return None
    return candidate if candidate.is_file() else None


def _index(base_href: str) -> HttpResponse:
    index = STATIC_ROOT / INDEX
    if not index.is_file():
        return HttpResponse(
            "The Dashboard extension is not built (npm run build in dashboard-extension/).",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    html = index.read_text().replace(BASE_MARKER, f'<base href="{base_href}">', 1)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def dashboard_response(path: str, *, base_href: str) -> HttpResponse:
    """The response for `path` (relative to the extension's root URL `base_href`).

    The Dashboard frames the app from its own origin, so these responses opt out of
    Django's X-Frame-Options middleware.
    """
    response = _response(path, base_href=base_href)
    response.xframe_options_exempt = True
    return response


def _response(path: str, *, base_href: str) -> HttpResponse:
    relative = path.lstrip("/")
    if ".." in Path(relative).parts:
        return HttpResponseNotFound("Not found")
    found = _resolve(relative) if relative else None
    if found is None:
        if relative.startswith("assets/") or Path(relative).suffix:
            # A missing file is a 404, not the app: only page routes fall back.
            return HttpResponseNotFound("Not found")
        return _index(base_href)
    if found.name == INDEX:
        return _index(base_href)
    content_type, _ = mimetypes.guess_type(found.name)
    response = FileResponse(found.open("rb"), content_type=content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = (
        "public, max-age=31536000, immutable" if relative.startswith("assets/") else "no-cache"
    )
    return response
