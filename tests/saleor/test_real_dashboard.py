"""The extension in the real Saleor Dashboard, in Chromium, against a live Saleor.

Skipped unless SALEOR_DASHBOARD_BUILD names a built Dashboard (the folder with its
index.html, built with STATIC_URL=/dashboard/ and APP_MOUNT_URI=/dashboard/): the
repository neither ships nor builds one. The build is served on loopback with API_URL
pointed at the live server (as the Dashboard's own nginx image rewrites index.html), and
the browser may reach nothing but loopback.
"""

import mimetypes
import os
import re
import threading
import time
import uuid
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

pytest.importorskip("saleor")
pytest.importorskip("playwright")

BUILD = Path(os.environ.get("SALEOR_DASHBOARD_BUILD", ""))
pytestmark = pytest.mark.skipif(
    not os.environ.get("SALEOR_DASHBOARD_BUILD") or not (BUILD / "index.html").is_file(),
    reason="SALEOR_DASHBOARD_BUILD does not point at a built Saleor Dashboard",
)

from saleor_services.dashboard.manifest import APP_ID  # noqa: E402
from saleor_services.models import Renewal, Service, ServiceEvent, ServicePlan, ServicePlanPrice  # noqa: E402

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("SERVICES_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "real-dashboard"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
SERVICES = 12


CORS_ALLOW_HEADERS = "Origin, Content-Type, Accept, Authorization, Source-Service-Name, Authorization-Bearer"
FORWARDED = ("Content-Type", "Authorization", "Authorization-Bearer", "Accept", "Source-Service-Name")


def serve_dashboard(build: Path, saleor_url: str):
    """The built Dashboard under /dashboard/: files as they are, every other path its
    index.html with API_URL set (what its nginx image's replace-env-vars.sh does).

    /graphql/ goes on to the live server with the CORS headers Saleor's ASGI entry point
    (saleor/asgi/cors_handler.py) adds in production: the live server is Django's WSGI
    handler without it, and the Dashboard and the app's frame call the API cross-origin.
    """
    import urllib.error
    import urllib.request

    state = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _cors(self):
            origin = self.headers.get("Origin")
            if origin:
                self.send_header("Access-Control-Allow-Origin", origin)
                self.send_header("Access-Control-Allow-Credentials", "true")
                self.send_header("Vary", "Origin")

        def _send(self, status, body: bytes, headers=()):
            self.send_response(status)
            for key, value in headers:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_OPTIONS(self):
            self.send_response(200)
            self._cors()
            self.send_header("Access-Control-Allow-Headers", CORS_ALLOW_HEADERS)
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _api(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {key: self.headers[key] for key in FORWARDED if self.headers.get(key)}
            request = urllib.request.Request(
                f"{saleor_url}{self.path}", data=body, headers=headers, method=self.command
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    status, payload = response.status, response.read()
                    content_type = response.headers.get("Content-Type")
            except urllib.error.HTTPError as error:
                status, payload, content_type = error.code, error.read(), error.headers.get("Content-Type")
            self.send_response(status)
            self._cors()
            self.send_header("Content-Type", content_type or "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_POST(self):
            if urlsplit(self.path).path.startswith("/graphql/"):
                return self._api()
            return self._send(404, b"")

        def do_GET(self):
            path = urlsplit(self.path).path
            if path.startswith("/graphql/"):
                return self._api()
            relative = path.removeprefix("/dashboard/")
            candidate = (build / relative).resolve()
            if relative and candidate.is_file() and candidate.is_relative_to(build.resolve()):
                content_type = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
                return self._send(200, candidate.read_bytes(), [("Content-Type", content_type)])
            if path.startswith("/dashboard"):
                return self._send(200, state["index"], [("Content-Type", "text/html; charset=utf-8")])
            return self._send(302, b"", [("Location", "/dashboard/")])

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    api_url = f"http://127.0.0.1:{server.server_address[1]}/graphql/"
    state["index"] = re.sub(
        r'API_URL:\s*"[^"]*"', f'API_URL: "{api_url}"', (build / "index.html").read_text(), count=1
    ).encode()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def replica_mirrors_default():
    """The live server's threads open their own connections: point the read replica at
    the test database, as Saleor's test settings do for the main thread."""
    from django.db import connections

    replica = connections.settings["replica"]
    original = replica["NAME"]
    replica["NAME"] = connections["default"].settings_dict["NAME"]
    yield
    replica["NAME"] = original


@pytest.fixture
def writer_reads_logged_not_refused(monkeypatch):
    """Saleor's test settings refuse reads from the writer database outside allow_writer;
    some of Saleor's own resolvers the Dashboard calls make them (a superuser's
    permissions for privateMetadata), which production only logs."""
    monkeypatch.setattr(
        "saleor.core.db.connection.restrict_writer",
        lambda execute, sql, params, many, context: execute(sql, params, many, context),
    )


@pytest.fixture
def customer_services(customer_user, variant):
    from saleor_services.creation import PaidOrder, PaidOrderLine, create_services_for_paid_order

    ServicePlan.objects.create(name="Hosting monthly", variant_id=variant.pk)
    line = PaidOrderLine(
        line_id=uuid.uuid4(), variant_id=variant.pk, product_id=variant.product_id, product_name="Hosting",
        variant_name="", quantity=SERVICES, unit_price=Decimal("10.00"),
    )
    order = PaidOrder(
        order_id=uuid.uuid4(), channel_slug="main", currency="USD", user_id=customer_user.pk,
        user_email=customer_user.email, customer_name="Ada Lovelace", lines=(line,),
    )
    services = create_services_for_paid_order(order, today=date.today())
    for index, service in enumerate(services):
        Service.objects.filter(pk=service.pk).update(domain=f"shop{index:02}.example.com")
    return [Service.objects.get(pk=s.pk) for s in services]


@pytest.fixture
def dashboard(replica_mirrors_default, writer_reads_logged_not_refused, live_server, settings, superuser):
    from playwright.sync_api import sync_playwright

    settings.PUBLIC_URL = live_server.url
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    server = serve_dashboard(BUILD, live_server.url)
    blocked: list[str] = []
    console: list[str] = []

    def only_loopback(route):
        host = urlsplit(route.request.url).hostname or ""
        if host in LOOPBACK:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )

        def new_page(theme="light"):
            context = browser.new_context(viewport={"width": 1440, "height": 1000})
            context.route("**/*", only_loopback)
            context.add_init_script(
                f"localStorage.setItem('activeMacawUITheme', '{'defaultDark' if theme == 'dark' else 'defaultLight'}');"
                # The Dashboard's announcements, dismissed as a staff member would: the corner
                # video covers the page's bottom right.
                "if (!localStorage.getItem('dashboard-ripples')) localStorage.setItem('dashboard-ripples', "
                "JSON.stringify({'saleor-pulse': {manuallyHidden: true, firstSeenAt: Date.now()},"
                " 'introducing-ripples': {manuallyHidden: true, firstSeenAt: Date.now()}}));"
            )
            page = context.new_page()
            page.set_default_timeout(30_000)
            page.on("console", lambda message: console.append(f"{theme} {message.type}: {message.text}"))
            return page

        yield Dashboard(f"http://127.0.0.1:{server.server_address[1]}/dashboard", live_server.url, new_page, blocked)
        browser.close()
    # What the pages said, for whoever reads a failure.
    (ARTIFACTS / "console.log").write_text("\n".join(console + ["blocked:"] + blocked))
    server.shutdown()


class Dashboard:
    def __init__(self, url, saleor_url, new_page, blocked):
        self.url, self.saleor_url, self.new_page, self.blocked = url, saleor_url, new_page, blocked

    def sign_in(self, page, email="superuser@example.com", password="pass"):
        page.goto(f"{self.url}/")
        page.locator('[data-test-id="email"]').fill(email)
        page.locator('[data-test-id="password"]').fill(password)
        page.locator('[data-test-id="submit"]').click()
        page.locator('[data-test-id="menu-list"]').wait_for()

    def app_frame(self, page):
        return page.frame_locator('iframe[src*="/plugins/global/saleor_services/dashboard"]').first


def global_id(type_name, pk):
    from graphene import Node

    return Node.to_global_id(type_name, pk)


def shoot(page, name):
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def install_from_manifest(dashboard, page):
    """The Dashboard's Extensions → Install from manifest, with the manifest URL."""
    from saleor.app.models import App

    manifest = f"{dashboard.saleor_url}/plugins/global/saleor_services/manifest"
    page.goto(f"{dashboard.url}/extensions/app/install?manifestUrl={quote(manifest, safe='')}")
    confirm = page.locator('[data-test-id="button-bar-confirm"]')
    confirm.wait_for()
    page.wait_for_function(
        "() => { const b = document.querySelector('[data-test-id=\"button-bar-confirm\"]'); return b && !b.disabled; }"
    )
    shoot(page, "install-from-manifest")
    confirm.click()
    deadline = time.monotonic() + 60
    while not App.objects.filter(identifier=APP_ID, is_installed=True).exists():
        assert time.monotonic() < deadline, "the App was not installed"
        time.sleep(0.5)
    return App.objects.get(identifier=APP_ID)


@pytest.fixture
def unsold_variant(variant, channel_USD):
    """A variant of the same product that no plan sells yet, listed in the channel."""
    from saleor.product.models import ProductVariant, ProductVariantChannelListing

    other = ProductVariant.objects.create(product=variant.product, sku="VPS-16", name="16 GB")
    ProductVariantChannelListing.objects.create(
        variant=other, channel=channel_USD, price_amount=Decimal("99.00"), currency=channel_USD.currency_code,
    )
    return other


@pytest.mark.django_db(transaction=True)
def test_the_extension_in_the_real_dashboard(dashboard, customer_services, customer_user, unsold_variant):
    from saleor.app.models import App

    from saleor_services.saleor.app_register import REGISTRATION_KEY

    page = dashboard.new_page()
    dashboard.sign_in(page)

    # Install from manifest: Saleor fetches it, creates the App and hands its token to
    # tokenTargetUrl, exactly once.
    app = install_from_manifest(dashboard, page)
    assert App.objects.filter(identifier=APP_ID).count() == 1
    assert app.get_value_from_private_metadata(REGISTRATION_KEY)["tokenId"] == app.tokens.get().pk
    app_gid = global_id("App", app.pk)
    app_path = f"{dashboard.url}/extensions/app/{quote(app_gid, safe='')}"
    extensions = {e.url: global_id("AppExtension", e.pk) for e in app.extensions.all()}

    # Customers → Services opens the services page.
    page.goto(f"{dashboard.url}/customers/")
    page.locator(f'[data-test-id="menu-item-label-extension-{extensions["/services"]}"]').click()
    page.wait_for_url(re.compile(r"/extensions/app/[^/]+/services(\?.*)?$"))
    frame = dashboard.app_frame(page)
    frame.get_by_test_id("services-table").wait_for()
    assert frame.locator("[data-service]").count() == SERVICES
    shoot(page, "services-light")

    # Bulk-suspending 3 changes exactly those 3.
    chosen = customer_services[:3]
    for service in chosen:
        frame.locator(f'[data-service="{global_id("Service", service.pk)}"] button[role="checkbox"]').click()
    frame.get_by_role("button", name="Suspend", exact=True).click()
    frame.get_by_role("dialog").get_by_role("button", name="Suspend").click()
    frame.get_by_test_id("bulk-result").wait_for()
    assert set(Service.objects.filter(status="SUSPENDED").values_list("pk", flat=True)) == {s.pk for s in chosen}
    assert sorted(ServiceEvent.objects.filter(type="SUSPENDED").values_list("service_id", flat=True)) == sorted(
        s.pk for s in chosen
    )

    # A service's page: the Dashboard's URL follows it, a reload and a deep link keep it.
    target = customer_services[5]
    target_gid = global_id("Service", target.pk)
    frame.locator(f'[data-service="{target_gid}"]').get_by_role("button", name="Hosting").click()
    frame.get_by_test_id("service-detail").wait_for()
    page.wait_for_url(re.compile(rf"/extensions/app/[^/]+/services/{re.escape(quote(target_gid, safe=''))}|"
                                 rf"/extensions/app/[^/]+/services/{re.escape(target_gid)}"))
    page.reload()
    dashboard.app_frame(page).get_by_test_id("service-detail").wait_for()
    assert "shop05.example.com" in dashboard.app_frame(page).get_by_test_id("service-detail").inner_text()
    shoot(page, "service-detail-light")
    deep = dashboard.new_page()
    dashboard.sign_in(deep)
    deep.goto(f"{app_path}/services/{quote(target_gid, safe='')}")
    dashboard.app_frame(deep).get_by_test_id("service-detail").wait_for()
    offered = dashboard.app_frame(deep).get_by_test_id("actions").locator("button")
    assert sorted(offered.evaluate_all("buttons => buttons.map(b => b.dataset.action)")) == [
        "CANCEL", "MARK_FRAUD", "PAUSE", "SUSPEND",
    ]
    deep.context.close()

    # Editing the service, then changing its plan with the quote first.
    frame = dashboard.app_frame(page)
    frame.get_by_test_id("edit-service").click()
    frame.locator('[data-field="domain"]').fill("renamed05.example.com")
    frame.locator('[data-field="serverHostname"]').fill("web5.example.net")
    frame.locator('[data-field="options"]').fill('{"region": "eu"}')
    shoot(page, "service-edit-light")
    frame.get_by_test_id("save-service").click()
    frame.locator('[data-event="UPDATED"]').first.wait_for()
    target.refresh_from_db()
    assert (target.domain, target.server_hostname, target.options) == (
        "renamed05.example.com", "web5.example.net", {"region": "eu"})
    from saleor.product.models import ProductVariant, ProductVariantChannelListing

    pro_variant = ProductVariant.objects.create(product=unsold_variant.product, sku="HOST-PRO", name="Pro",
                                                track_inventory=False)
    channel = unsold_variant.channel_listings.get().channel
    ProductVariantChannelListing.objects.create(variant=pro_variant, channel=channel,
                                                price_amount=Decimal("30.00"), currency="USD")
    pro = ServicePlan.objects.create(name="Hosting pro", variant_id=pro_variant.pk)
    ServicePlanPrice.objects.create(plan=pro, channel_slug="main", amount=Decimal("30.00"), currency="USD")
    target.plan.change_targets.add(pro)
    page.reload()
    frame = dashboard.app_frame(page)
    frame.get_by_test_id("plan-change").get_by_role("combobox").click()
    frame.get_by_role("option", name="Hosting pro").click()
    quote_box = frame.get_by_test_id("quote")
    quote_box.wait_for()
    assert quote_box.get_attribute("data-upgrade") == "true"
    assert "From $10.00 to $30.00 per period" in quote_box.inner_text()
    shoot(page, "service-plan-change-light")
    frame.get_by_test_id("change-plan").click()
    frame.get_by_role("dialog").get_by_role("button", name="Change plan").click()
    frame.locator('[data-event="PLAN_CHANGE_REQUESTED"]').wait_for()
    assert Renewal.objects.get(service=target, kind="UPGRADE", status="OPEN").target_plan == pro

    # A plan through the catalogue search: Saleor's variants with their channel prices; the
    # variant the first plan sells is marked.
    page.goto(f"{app_path}/plans")
    frame = dashboard.app_frame(page)
    frame.get_by_test_id("new-plan").click()
    frame.get_by_test_id("catalogue-search").click()
    results = frame.get_by_test_id("catalogue-results")
    sold = results.locator(f'[data-variant="{global_id("ProductVariant", customer_services[0].plan.variant_id)}"]')
    sold.wait_for()
    assert "Sold by the plan Hosting monthly" in sold.inner_text()
    frame.get_by_test_id("catalogue-search").fill("VPS-16")
    # Once typing pauses, only the variant whose SKU matches is listed.
    for _ in range(40):
        if results.locator("[data-variant]").count() == 1:
            break
        time.sleep(0.25)
    assert results.locator("[data-variant]").count() == 1
    chosen = results.locator(f'[data-variant="{global_id("ProductVariant", unsold_variant.pk)}"]')
    chosen.wait_for()
    assert "$99.00 (main)" in chosen.inner_text()
    shoot(page, "plan-catalogue-search-light")
    chosen.get_by_role("button", name="Choose").click()
    frame.get_by_test_id("plan-form").get_by_label("Name").fill("VPS 16 GB")
    frame.get_by_test_id("plan-form").get_by_label("Notice (days)").fill("14")
    frame.get_by_test_id("save-plan").click()
    frame.locator('[data-plan="VPS 16 GB"]').wait_for()
    created = ServicePlan.objects.get(name="VPS 16 GB")
    assert (created.variant_id, created.notice_period_days) == (unsold_variant.pk, 14)
    assert [(p.channel_slug, p.amount) for p in created.prices.all()] == [("main", Decimal("99.00"))]

    # Orders → Cancellation requests opens its page.
    page.goto(f"{dashboard.url}/orders/")
    page.locator(f'[data-test-id="menu-item-label-extension-{extensions["/cancellation-requests"]}"]').click()
    page.wait_for_url(re.compile(r"/extensions/app/[^/]+/cancellation-requests(\?.*)?$"))
    dashboard.app_frame(page).locator('[data-testid="requests"], [data-testid="empty"]').first.wait_for()
    shoot(page, "cancellation-requests-light")

    for path, ready in (("/plans", "plans"), ("/automation", "automation"), ("/failed-emails", "failed-emails")):
        page.goto(f"{app_path}{path}")
        dashboard.app_frame(page).get_by_test_id(ready).wait_for()
        shoot(page, f"{ready}-light")

    # The customer's widget fits its 12 services and opens one on the app page.
    page.goto(f"{dashboard.url}/customers/{global_id('User', customer_user.pk)}")
    widget_frame = page.locator('iframe[src*="widgets/customer"]')
    widget = page.frame_locator('iframe[src*="widgets/customer"]')
    widget.get_by_test_id("customer-services").wait_for()
    assert widget.locator("[data-widget-service]").count() == SERVICES
    content = widget.get_by_test_id("widget-root").evaluate("root => root.getBoundingClientRect().height")
    page.wait_for_function(
        "([selector, height]) => document.querySelector(selector).getBoundingClientRect().height >= height",
        arg=['iframe[src*="widgets/customer"]', content],
    )
    assert widget_frame.bounding_box()["height"] > 200
    widget_frame.scroll_into_view_if_needed()
    shoot(page, "customer-widget-light")
    last = customer_services[-1]
    widget.locator(f'[data-widget-service="{global_id("Service", last.pk)}"]').get_by_role("button").click()
    page.wait_for_url(re.compile(r"/extensions/app/[^/]+/services/[^/?]+"))
    dashboard.app_frame(page).get_by_test_id("service-detail").wait_for()
    detail = dashboard.app_frame(page).get_by_test_id("service-detail")
    assert f"shop{SERVICES - 1:02}.example.com" in detail.inner_text()

    # Every page in the dark theme.
    dark = dashboard.new_page("dark")
    dashboard.sign_in(dark)
    for path, ready, name in (
        ("/services", "services-table", "services"),
        (f"/services/{quote(target_gid, safe='')}", "service-detail", "service-detail"),
        ("/plans", "plans", "plans"),
        ("/automation", "automation", "automation"),
        ("/failed-emails", "failed-emails", "failed-emails"),
    ):
        dark.goto(f"{app_path}{path}")
        dashboard.app_frame(dark).get_by_test_id(ready).wait_for()
        shoot(dark, f"{name}-dark")
    # The forms, dark: the service editor, the plan change, the plan editor.
    dark.goto(f"{app_path}/services/{quote(target_gid, safe='')}")
    dashboard.app_frame(dark).get_by_test_id("edit-service").click()
    dashboard.app_frame(dark).get_by_test_id("service-edit").wait_for()
    shoot(dark, "service-edit-dark")
    dark.goto(f"{app_path}/plans")
    dashboard.app_frame(dark).get_by_test_id("new-plan").click()
    dashboard.app_frame(dark).get_by_test_id("plan-form").wait_for()
    shoot(dark, "plan-editor-dark")
    dark.goto(f"{app_path}/cancellation-requests")
    dashboard.app_frame(dark).locator('[data-testid="requests"], [data-testid="empty"]').first.wait_for()
    shoot(dark, "cancellation-requests-dark")
    background = dashboard.app_frame(dark).locator("#macaw-ui-root > div").first.evaluate(
        "element => getComputedStyle(element).backgroundColor"
    )
    assert int(re.findall(r"\d+", background)[0]) < 100  # the app follows the Dashboard's dark theme
    dark.goto(f"{dashboard.url}/customers/{global_id('User', customer_user.pk)}")
    dark.frame_locator('iframe[src*="widgets/customer"]').get_by_test_id("customer-services").wait_for()
    shoot(dark, "customer-widget-dark")
    dark.context.close()

    # Nothing left the machine: every request outside loopback was refused.
    assert all(urlsplit(url).hostname not in LOOPBACK for url in dashboard.blocked)
