"""The customer portal in Chromium on the standalone host: in through a storefront's
session URL, then every page and action a customer uses; axe-core finds nothing serious."""

import re
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from saleor_services.models import CancellationRequest, Renewal, Service, ServicePlan
from saleor_services.portal_access import portal_link_create
from standalone.auth import issue_token

from ..conftest import PASSWORD
from ..portal.conftest import open_renewal
from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[3] / "dashboard-extension" / "node_modules" / "axe-core" / "axe.min.js"
SESSION_CREATE = """mutation($returnUrl: String!) { servicePortalSessionCreate(returnUrl: $returnUrl) {
  url errors { code } } }"""


def _new_page(browser, live_server, *, scheme="light", width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.live_server_url = live_server.url
    return page


def _storefront_link(page, user) -> str:
    """What a storefront does: its customer's token, the mutation, the URL it returns."""
    response = page.request.post(
        f"{page.live_server_url}/graphql/",
        data={"query": SESSION_CREATE, "variables": {"returnUrl": "http://localhost/account"}},
        headers={"Authorization": f"Bearer {issue_token(user)}"},
    )
    payload = response.json()["data"]["servicePortalSessionCreate"]
    assert payload["errors"] == [], payload
    return payload["url"]


def _enter(page, user):
    page.goto(_storefront_link(page, user))
    expect(page.locator("h1")).to_have_text("My services")


def check_axe(page, label):
    """axe-core in the page: no serious or critical violation."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"{label}: {serious}"


@pytest.fixture
def shop(customer, other_customer, make_service):
    today = timezone.localdate()
    mine = [make_service(status, today=today) for status in ("ACTIVE", "ACTIVE", "SUSPENDED", "PAUSED", "PENDING")]
    for service, (name, domain) in zip(
        mine,
        [("Web Hosting", "ada.example.com"), ("VPS Large", "vps.ada.example.com"), ("Mail", "mail.ada.example.com"),
         ("Backup", "backup"), ("DNS", "dns.ada.example.com")],
        strict=True,
    ):
        Service.objects.filter(pk=service.pk).update(product_name=name, domain=domain)
    theirs = make_service(user=other_customer)
    Service.objects.filter(pk=theirs.pk).update(product_name="Not Yours", domain="other.example.com")
    renewal = open_renewal(Service.objects.get(pk=mine[2].pk))
    return {"mine": [Service.objects.get(pk=s.pk) for s in mine], "theirs": theirs, "renewal": renewal}


def _listed(page) -> list[int]:
    return [int(pk) for pk in page.locator("[data-service]").evaluate_all("els => els.map(e => e.dataset.service)")]


def test_sign_in_tabs_sorting_views_and_only_own_services(browser, live_server, customer, shop):
    page = _new_page(browser, live_server)
    _enter(page, customer)
    assert sorted(_listed(page)) == sorted(s.pk for s in shop["mine"])
    expect(page.get_by_text("Not Yours")).to_have_count(0)
    check_axe(page, "list, cards, light")
    screenshot(page, "portal-list-cards-light")

    page.locator('[data-tab="SUSPENDED"]').click()
    assert _listed(page) == [shop["mine"][2].pk]
    expect(page.get_by_test_id("suspended-note")).to_contain_text("is unpaid")
    expect(page.get_by_test_id("pay")).to_have_attribute("href", shop["renewal"].payment_url)

    page.locator('[data-tab="ALL"]').click()
    page.get_by_test_id("sort").select_option("name")  # the select submits itself (portal.js)
    page.wait_for_url(re.compile(r"sort=name"))
    page.get_by_test_id("dir").select_option("asc")
    page.wait_for_url(re.compile(r"dir=asc"))
    names = page.locator(".card h2").all_inner_texts()
    assert names == sorted(names)

    page.locator('[data-view="list"]').click()
    expect(page.get_by_test_id("services-table")).to_be_visible()
    assert page.locator("thead th").all_inner_texts()[:5] == [
        "Product", "Domain / label", "Billing cycle", "Next due date", "Status"
    ]
    check_axe(page, "list, table, light")
    screenshot(page, "portal-list-table-light")


def test_cancel_with_confirmation_then_withdraw(browser, live_server, customer, shop):
    service = shop["mine"][0]
    page = _new_page(browser, live_server)
    _enter(page, customer)
    page.goto(f"{live_server.url}/portal/services/{service.pk}/")
    check_axe(page, "detail")
    detail_url = page.url
    page.get_by_test_id("cancel-link").click()
    # A popup over the service's page, not another page.
    dialog = page.get_by_role("dialog", name="Request cancellation")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_test_id("end-of-period-explained")).to_be_visible()
    assert page.url == detail_url
    check_axe(page, "cancel dialog")
    screenshot(page, "portal-cancel-dialog-light", full_page=False)
    dialog.get_by_label("Reason").fill("Moving to another provider")
    dialog.get_by_label("Confirm with your password").fill("wrong password")
    dialog.get_by_test_id("confirm-cancel").click()
    expect(dialog.get_by_role("alert")).to_have_text("The password is incorrect.")
    expect(dialog.get_by_label("Reason")).to_have_value("Moving to another provider")
    assert page.url == detail_url
    assert not CancellationRequest.objects.exists()
    # The portal checks passwords under the host's login throttling: straight after a
    # failure the address is blocked (for at least a second), whatever the password.
    dialog.get_by_label("Confirm with your password").fill(PASSWORD)
    dialog.get_by_test_id("confirm-cancel").click()
    expect(dialog.get_by_role("alert")).to_have_text(
        "Too many failed attempts from this address; wait a little and try again."
    )
    assert not CancellationRequest.objects.exists()
    time.sleep(1.1)  # the block's end, not a speed check

    dialog.get_by_label("Confirm with your password").fill(PASSWORD)
    dialog.get_by_test_id("confirm-cancel").click()
    expect(page.get_by_role("status")).to_have_text("Your cancellation request was recorded.")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_test_id("open-request")).to_be_visible()
    assert CancellationRequest.objects.get(service=service).status == "PENDING"

    page.goto(f"{live_server.url}/portal/services/?view=list")
    row = page.locator(f'[data-service="{service.pk}"]')
    expect(row.get_by_test_id("cancellation-requested")).to_be_visible()
    expect(row.get_by_test_id("cancel-disabled")).to_be_disabled()
    row.locator(".tooltip-wrap").hover()
    expect(row.get_by_role("tooltip")).to_be_visible()

    page.goto(f"{live_server.url}/portal/services/{service.pk}/")
    page.get_by_test_id("withdraw").click()
    expect(page.get_by_role("status")).to_have_text("Your cancellation request was withdrawn.")
    assert CancellationRequest.objects.get(service=service).status == "WITHDRAWN"


def test_cancel_popup_from_the_list_closes_and_gives_focus_back(browser, live_server, customer, shop):
    service = shop["mine"][0]
    for scheme, width in (("dark", 1280), ("light", 375)):
        page = _new_page(browser, live_server, scheme=scheme, width=width)
        _enter(page, customer)
        card = page.locator(f'[data-service="{service.pk}"]')
        opener = card.get_by_test_id("cancel-link")
        opener.click()
        dialog = page.get_by_role("dialog", name="Request cancellation")
        expect(dialog).to_be_visible()
        expect(dialog).to_contain_text(service.product_name)
        check_axe(page, f"cancel dialog, {scheme}, {width}px")
        screenshot(page, f"portal-cancel-dialog-{scheme}-{width}", full_page=False)
        dialog.get_by_role("link", name="Keep the service").click()
        expect(page.get_by_role("dialog")).to_have_count(0)
        expect(opener).to_be_focused()
        opener.press("Enter")
        expect(page.get_by_role("dialog", name="Request cancellation")).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.get_by_role("dialog")).to_have_count(0)
        page.context.close()
    assert not CancellationRequest.objects.exists()


def test_cancel_without_javascript_is_a_page_of_its_own(browser, live_server, customer, shop):
    service = shop["mine"][0]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.live_server_url = live_server.url
    page.goto(_storefront_link(page, customer))
    page.goto(f"{live_server.url}/portal/services/{service.pk}/")
    page.get_by_test_id("cancel-link").click()
    expect(page).to_have_url(re.compile(rf"/services/{service.pk}/cancel/$"))
    page.get_by_label("Reason").fill("Too expensive")
    page.get_by_label("Confirm with your password").fill(PASSWORD)
    page.get_by_test_id("confirm-cancel").click()
    expect(page.get_by_role("status")).to_have_text("Your cancellation request was recorded.")
    assert CancellationRequest.objects.get(service=service).reason == "Too expensive"
    context.close()


def test_pause_and_resume(browser, live_server, customer, shop):
    service = shop["mine"][0]
    page = _new_page(browser, live_server)
    _enter(page, customer)
    page.goto(f"{live_server.url}/portal/services/{service.pk}/")
    page.get_by_test_id("pause").click()
    check_axe(page, "pause form")
    page.get_by_label("Resume by itself on (optional)").fill((timezone.localdate() + timedelta(days=7)).isoformat())
    page.get_by_test_id("confirm-pause").click()
    expect(page.get_by_role("status")).to_have_text("The service is paused.")
    assert Service.objects.get(pk=service.pk).status == "PAUSED"
    page.get_by_test_id("resume").click()
    expect(page.get_by_role("status")).to_have_text("The service is running again.")
    assert Service.objects.get(pk=service.pk).status == "ACTIVE"


def test_change_plan_with_the_prorated_quote(browser, live_server, customer, shop, plan):
    big = ServicePlan.objects.create(name="Big", variant_id=12, price_amount=Decimal("40"), currency="USD")
    plan.change_targets.add(big)
    service = shop["mine"][1]
    page = _new_page(browser, live_server)
    _enter(page, customer)
    page.goto(f"{live_server.url}/portal/services/{service.pk}/")
    page.get_by_test_id("change-plan").click()
    expect(page.get_by_test_id("quote")).to_contain_text("Pay $30.01 now")
    check_axe(page, "change plan")
    page.get_by_test_id("choose-plan").click()
    expect(page.get_by_role("status")).to_contain_text("The upgrade is ready to pay")
    assert Renewal.objects.get(service=service, kind="UPGRADE").amount == Decimal("30.010")


def test_reactivate_a_cancelled_service(browser, live_server, customer, make_service):
    plan = ServicePlan.objects.create(name="Flexible", variant_id=31, allow_reactivation=True)
    service = make_service("CANCELLED", plan=plan)
    page = _new_page(browser, live_server)
    _enter(page, customer)
    page.locator('[data-tab="CANCELLED"]').click()
    page.locator(f'[data-service="{service.pk}"] h2 a').click()
    expect(page.get_by_test_id("reactivate-form")).to_contain_text("a new period starts today")
    check_axe(page, "reactivate")
    page.get_by_test_id("reactivate").click()
    expect(page.get_by_role("status")).to_contain_text("The service is active again")
    expect(page.locator("[data-renewal]")).to_have_count(1)
    assert Service.objects.get(pk=service.pk).status == "ACTIVE"
    assert service.events.filter(type="REACTIVATED", actor_type="CUSTOMER").count() == 1


def test_the_pay_link_of_the_open_renewal(browser, live_server, customer, shop):
    suspended = shop["mine"][2]
    page = _new_page(browser, live_server)
    _enter(page, customer)
    page.goto(f"{live_server.url}/portal/services/{suspended.pk}/")
    expect(page.get_by_test_id("pay-renewal")).to_have_attribute("href", shop["renewal"].payment_url)
    expect(page.locator("[data-renewal]")).to_have_count(1)


def test_expired_or_reused_url_is_refused(browser, live_server, customer, shop):
    page = _new_page(browser, live_server)
    url = _storefront_link(page, customer)
    page.goto(url)
    expect(page.locator("h1")).to_have_text("My services")
    fresh = _new_page(browser, live_server)
    fresh.goto(url)
    expect(fresh.get_by_test_id("message")).to_contain_text("This link has expired")
    check_axe(fresh, "expired link")
    expired = portal_link_create(user=customer, now=timezone.now() - timedelta(minutes=10))
    fresh.goto(f"{live_server.url}/portal/enter/{expired.token}/")
    expect(fresh.get_by_test_id("message")).to_contain_text("This link has expired")
    fresh.goto(f"{live_server.url}/portal/services/")
    expect(fresh.locator("h1")).to_have_text("Sign in")


def test_another_customers_service_is_not_found(browser, live_server, customer, shop):
    page = _new_page(browser, live_server)
    _enter(page, customer)
    response = page.goto(f"{live_server.url}/portal/services/{shop['theirs'].pk}/")
    assert response.status == 404
    expect(page.get_by_test_id("message")).to_contain_text("There is no such page among your services.")
    expect(page.get_by_text("other.example.com")).to_have_count(0)


def test_a_form_without_its_csrf_token_is_refused(browser, live_server, customer, shop):
    service = shop["mine"][0]
    page = _new_page(browser, live_server)
    _enter(page, customer)
    page.goto(f"{live_server.url}/portal/services/{service.pk}/pause/")
    page.evaluate("document.querySelectorAll('input[name=csrfmiddlewaretoken]').forEach(i => { i.value = 'forged' })")
    with page.expect_navigation():
        page.get_by_test_id("confirm-pause").click()
    assert Service.objects.get(pk=service.pk).status == "ACTIVE"
    assert "CSRF" in page.content()


def test_email_links_sign_in_and_return(browser, live_server, customer, shop):
    service = shop["mine"][0]
    page = _new_page(browser, live_server)
    page.goto(f"{live_server.url}/portal/services/{service.pk}/")
    expect(page.locator("h1")).to_have_text("Sign in")
    check_axe(page, "sign in")
    page.get_by_label("E-mail address").fill("customer@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/portal/services/{service.pk}/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_themes_and_a_phone_screen(browser, live_server, customer, shop, scheme):
    page = _new_page(browser, live_server, scheme=scheme)
    _enter(page, customer)
    check_axe(page, f"list {scheme}")
    screenshot(page, f"portal-list-{scheme}")
    page.goto(f"{live_server.url}/portal/services/{shop['mine'][2].pk}/")
    check_axe(page, f"detail {scheme}")
    screenshot(page, f"portal-detail-{scheme}")

    phone = _new_page(browser, live_server, scheme=scheme, width=375)
    _enter(phone, customer)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    check_axe(phone, f"list 375px {scheme}")
    screenshot(phone, f"portal-list-375-{scheme}")
    phone.goto(f"{live_server.url}/portal/services/{shop['mine'][2].pk}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, f"portal-detail-375-{scheme}")
