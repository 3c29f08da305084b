"""The customer portal inside Saleor, in Chromium: in through a link made with a real
customer token, the cancellation popup over the service page, confirmed with the
customer's Saleor password through the plugin's route. The browser reaches only loopback."""

import os
from urllib.parse import urlsplit

import pytest

pytest.importorskip("saleor")
pytest.importorskip("playwright")

from saleor_services.models import CancellationRequest  # noqa: E402

from .test_portal import PORTAL, _portal_path  # noqa: E402
from .test_real_dashboard import (  # noqa: E402, F401 (fixtures)
    replica_mirrors_default,
    writer_reads_logged_not_refused,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("SERVICES_CHROMIUM", "/usr/bin/chromium")
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture
def chromium_page():
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def only_loopback(route):
        if (urlsplit(route.request.url).hostname or "") in LOOPBACK:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route("**/*", only_loopback)
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield page
        browser.close()
    assert blocked == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("replica_mirrors_default", "writer_reads_logged_not_refused")
def test_the_cancellation_popup_inside_saleor(settings, live_server, bought_service, user_api_client, chromium_page):
    from playwright.sync_api import expect

    settings.ALLOWED_CLIENT_HOSTS = ["shop.example"]
    page = chromium_page
    page.goto(live_server.url + _portal_path(user_api_client))
    page.goto(f"{live_server.url}{PORTAL}services/{bought_service.pk}/")
    service_page = page.url
    page.get_by_test_id("cancel-link").click()
    dialog = page.get_by_role("dialog", name="Request cancellation")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Reason").fill("Moving elsewhere")
    dialog.get_by_label("Confirm with your password").fill("not the password")
    dialog.get_by_test_id("confirm-cancel").click()
    expect(dialog.get_by_role("alert")).to_have_text("The password is incorrect.")
    assert page.url == service_page
    assert not CancellationRequest.objects.exists()

    # Saleor's login throttling holds this address back for a moment after a failure.
    for _attempt in range(20):
        dialog.get_by_label("Confirm with your password").fill("password")
        with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/cancel/")) as posted:
            dialog.get_by_test_id("confirm-cancel").click()
        if posted.value.status == 302:
            break
        expect(dialog.get_by_role("alert")).to_contain_text("wait a little")
        page.wait_for_timeout(500)  # the block's end, not a speed check
    expect(page.get_by_role("status")).to_have_text("Your cancellation request was recorded.")
    request = CancellationRequest.objects.get(service=bought_service)
    assert (request.status, request.reason) == ("PENDING", "Moving elsewhere")
    assert (request.requested_by_type, request.requested_by_user_id) == ("CUSTOMER", user_api_client.user.pk)
