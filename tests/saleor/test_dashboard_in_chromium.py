"""The extension served by Saleor's plugin route, in Chromium, with a real Dashboard token."""

import os
from pathlib import Path

import pytest

pytest.importorskip("saleor")
pytest.importorskip("playwright")

from django.core.management import call_command  # noqa: E402

from saleor_services.dashboard.manifest import APP_ID  # noqa: E402
from saleor_services.dashboard.serving import STATIC_ROOT  # noqa: E402
from saleor_services.models import Service, ServicePlan  # noqa: E402
from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("SERVICES_CHROMIUM", "/usr/bin/chromium")
# The repository's test-artifacts/, next to tests/: not STATIC_ROOT's, which is inside
# site-packages when the tests run against the installed wheel.
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def serve_dashboard_page(html: str):
    """The Dashboard's side, on its own origin: a real HTTP server on 127.0.0.1."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server

HOST_PAGE = """<!doctype html><html><body style="margin:0">
<iframe id="app" style="width:1300px;height:850px;border:0"></iframe>
<script>
  const frame = document.getElementById("app");
  frame.addEventListener("load", () => frame.contentWindow.postMessage(
    {type: "handshake", payload: {token: %(token)r, version: 1}}, "*"));
  window.addEventListener("message", ({data}) => {
    if (data && data.payload && data.payload.actionId)
      frame.contentWindow.postMessage({type: "response", payload: {actionId: data.payload.actionId, ok: true}}, "*");
  });
  frame.src = %(src)r;
</script></body></html>"""


@pytest.fixture
def replica_mirrors_default():
    """The live server's thread opens its own connections: point its read replica at the
    test database, as Saleor's test settings do for the main thread (MIRROR)."""
    from django.db import connections

    replica = connections.settings["replica"]
    original = replica["NAME"]
    replica["NAME"] = connections["default"].settings_dict["NAME"]
    yield
    replica["NAME"] = original


@pytest.mark.django_db(transaction=True)
def test_extension_page_loads_in_saleor_with_a_dashboard_token(
    replica_mirrors_default, live_server, order_with_lines, staff_user, permission_group_manage_orders
):
    from playwright.sync_api import expect, sync_playwright
    from saleor.app.models import App
    from saleor.core.jwt import create_access_token_for_app

    assert (STATIC_ROOT / "index.html").is_file(), "build the extension first (npm run build)"
    line = order_with_lines.lines.order_by("product_sku").first()
    ServicePlan.objects.create(name="Hosting", variant_id=line.variant_id)
    ServicesPlugin(configuration=[], active=True).order_fully_paid(order_with_lines, previous_value=None)
    services = list(Service.objects.all())
    assert services

    call_command("services_install_app", url=live_server.url)
    app = App.objects.get(identifier=APP_ID)
    permission_group_manage_orders.user_set.add(staff_user)
    token = create_access_token_for_app(app, staff_user)  # what the Dashboard hands the app
    src = (
        f"{live_server.url}/plugins/global/saleor_services/dashboard/services"
        f"?id={app.pk}&saleorApiUrl={live_server.url}/graphql/&theme=light"
    )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page()
        logs = []
        page.on("console", lambda message: logs.append(message.text))
        page.on("requestfinished", lambda request: logs.append(f"{request.method} {request.url}"))
        page.on("requestfailed", lambda request: logs.append(f"FAILED {request.url} {request.failure}"))
        dashboard = serve_dashboard_page(HOST_PAGE % {"token": token, "src": src})
        page.goto(f"http://127.0.0.1:{dashboard.server_address[1]}/apps/services")
        frame = page.frame_locator("#app")
        try:
            expect(frame.locator("[data-service]")).to_have_count(len(services), timeout=20_000)
        except AssertionError as error:
            page.screenshot(path="/tmp/saleor-fail.png")
            raise AssertionError("\n".join(logs[:40])) from error
        assert services[0].customer_name in frame.get_by_test_id("services-table").inner_text()
        page.screenshot(path=str(ARTIFACTS / "saleor-services-page.png"))
        browser.close()
        dashboard.shutdown()
