"""Browser tests: Debian's Chromium driven by Python playwright (no browser download)."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model

from saleor_services.dashboard.serving import STATIC_ROOT

# Playwright's sync API keeps an event loop on this thread; the ORM calls in these
# tests are still plain synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SERVICES_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"


def pytest_configure(config):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def browser():
    if not (STATIC_ROOT / "index.html").is_file():
        pytest.fail("The Dashboard extension is not built: npm run build in dashboard-extension/.")
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def staff_page(browser, live_server, transactional_db, client):
    """A browser page signed in as a superuser of the standalone host."""
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "pass")
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    host = live_server.url.split("//")[1].split(":")[0]
    context.add_cookies([{
        "name": django_settings.SESSION_COOKIE_NAME,
        "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
        "domain": host, "path": "/",
    }])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.live_server_url = live_server.url
    yield page
    context.close()


def open_app(page, name="services", theme="light", **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    page.goto(f"{page.live_server_url}/dashboard-host/?page={name}&theme={theme}&{query}")
    return page.frame_locator("#app")


def screenshot(page, name, *, full_page=True):
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
