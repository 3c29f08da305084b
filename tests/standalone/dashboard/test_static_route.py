"""The extension's files: fallback to index.html with the right base href, no traversal,
content types and caching headers (the same code serves Saleor's plugin route)."""

import pytest

from saleor_services.dashboard.serving import STATIC_ROOT, dashboard_response


def _asset(suffix: str) -> str:
    return next(p.name for p in (STATIC_ROOT / "assets").iterdir() if p.name.endswith(suffix))


def test_app_routes_fall_back_to_index_with_the_base_href(client):
    for path in (
        "/dashboard/", "/dashboard/services", "/dashboard/services/U2VydmljZTox", "/dashboard/widgets/customer"
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert response["Cache-Control"] == "no-cache"
        html = response.content.decode()
        assert '<base href="/dashboard/">' in html and "<!--base-href-->" not in html


def test_base_href_follows_the_mount_point():
    response = dashboard_response("services", base_href="/plugins/global/saleor_services/dashboard/")
    assert b'<base href="/plugins/global/saleor_services/dashboard/">' in response.content


def test_assets_have_types_and_long_caching(client):
    script = client.get(f"/dashboard/assets/{_asset('.js')}")
    assert script.status_code == 200
    assert script["Content-Type"] in ("text/javascript", "application/javascript")
    assert script["Cache-Control"] == "public, max-age=31536000, immutable"
    assert script["X-Content-Type-Options"] == "nosniff"
    style = client.get(f"/dashboard/assets/{_asset('.css')}")
    assert style["Content-Type"] == "text/css"
    assert client.get(f"/dashboard/assets/{_asset('.woff2')}")["Content-Type"] == "font/woff2"


@pytest.mark.parametrize(
    "path",
    ["../settings.py", "assets/../../serving.py", "..%2f..%2fserving.py", "assets/missing.js", "x.png",
     "assets/..\\..\\serving.py"],
)
def test_traversal_and_missing_files_are_refused(path):
    response = dashboard_response(path, base_href="/dashboard/")
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/etc/passwd", "a\x00b", "//etc/passwd"])
def test_absolute_or_odd_paths_stay_inside_the_build(path):
    """They read as app routes: the app's page, never a file from elsewhere."""
    response = dashboard_response(path, base_href="/dashboard/")
    assert response.status_code == 200
    assert response.content.startswith(b"<!doctype html>")
    assert b"root:" not in response.content


def test_traversal_over_http(client):
    response = client.get("/dashboard/../standalone/settings.py")
    assert response.status_code == 404 or b"SECRET_KEY" not in response.content
    assert b"SECRET_KEY" not in client.get("/dashboard/assets/%2e%2e/%2e%2e/manifest.py").content


def test_the_dashboard_may_frame_the_app(client):
    assert "X-Frame-Options" not in client.get("/dashboard/services")
