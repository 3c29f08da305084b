"""The extension in Chromium, inside a host page that replays the Dashboard's handshake."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from saleor_services import lifecycle
from saleor_services.actors import SYSTEM, Actor
from saleor_services.cancellation import cancellation_request_create
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import CancellationType
from saleor_services.graphql.ids import global_id
from saleor_services.models import Renewal, Service, ServiceEvent, ServicePlan, ServicePlanPrice
from standalone.models import CatalogueVariant

from ..conftest import PASSWORD, order_line, paid_order
from .conftest import open_app, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def store(customer, plan):
    from saleor_services.creation import create_services_for_paid_order

    services = create_services_for_paid_order(paid_order(customer, order_line(quantity=6)), today=date(2026, 5, 1))
    for index, service in enumerate(services):
        Service.objects.filter(pk=service.pk).update(domain=f"shop{index}.example.com")
    Service.objects.filter(pk=services[5].pk).update(status="SUSPENDED", suspension_cause="OTHER")
    return [Service.objects.get(pk=s.pk) for s in services]


def _rows(app):
    return app.locator("[data-service]")


def test_list_tabs_search_and_sort(staff_page, store):
    app = open_app(staff_page)
    table = app.get_by_test_id("services-table")
    table.wait_for()
    assert _rows(app).count() == 6
    assert app.get_by_test_id("total").inner_text() == "6 services"

    app.locator('[data-tab="SUSPENDED"]').click()
    expect(_rows(app)).to_have_count(1)
    expect(_rows(app).first).to_have_attribute("data-service", global_id("Service", store[5].pk))

    app.locator('[data-tab="ALL"]').click()
    expect(_rows(app)).to_have_count(6)
    app.get_by_test_id("search").fill("shop3")
    expect(_rows(app)).to_have_count(1)
    expect(_rows(app).first).to_have_attribute("data-service", global_id("Service", store[3].pk))

    app.get_by_test_id("search").fill("")
    expect(_rows(app)).to_have_count(6)
    app.locator('[data-sort="DOMAIN"]').click()
    expect(app.locator('[data-sort="DOMAIN"]')).to_contain_text("↑")
    expect(_rows(app).first).to_have_attribute("data-service", global_id("Service", store[0].pk))
    app.locator('[data-sort="DOMAIN"]').click()  # descending
    expect(app.locator('[data-sort="DOMAIN"]')).to_contain_text("↓")
    expect(_rows(app).first).to_have_attribute("data-service", global_id("Service", store[5].pk))
    screenshot(staff_page, "services-light")


def test_bulk_suspend_three(staff_page, store):
    app = open_app(staff_page)
    app.get_by_test_id("services-table").wait_for()
    chosen = store[:3]
    for service in chosen:
        app.locator(f'[data-service="{global_id("Service", service.pk)}"] button[role="checkbox"]').click()
    app.get_by_role("button", name="Suspend", exact=True).click()
    app.get_by_role("dialog").get_by_role("button", name="Suspend").click()
    app.get_by_test_id("bulk-result").wait_for()
    assert "3 services changed." in app.get_by_test_id("bulk-result").inner_text()

    assert set(Service.objects.filter(status="SUSPENDED").values_list("pk", flat=True)) == {
        *(s.pk for s in chosen), store[5].pk
    }
    events = ServiceEvent.objects.filter(type="SUSPENDED")
    assert sorted(events.values_list("service_id", flat=True)) == sorted(s.pk for s in chosen)
    staff_page.locator("#toasts .toast").first.wait_for()
    assert "Suspend: 3 services changed" in staff_page.locator("#toasts").inner_text()


def test_refused_action_shows_its_typed_error_and_the_log(staff_page, store):
    service = store[0]
    app = open_app(staff_page)
    app.get_by_test_id("services-table").wait_for()
    app.locator(f'[data-service="{global_id("Service", service.pk)}"]').get_by_role("button", name="Hosting").click()
    app.get_by_test_id("service-detail").wait_for()
    assert app.locator('[data-event="CREATED"]').count() == 1

    # Only what the lifecycle allows from ACTIVE is offered.
    offered = app.get_by_test_id("actions").locator("button")
    assert sorted(offered.evaluate_all("buttons => buttons.map(b => b.dataset.action)")) == [
        "CANCEL", "MARK_FRAUD", "PAUSE", "SUSPEND",
    ]

    app.locator('[data-action="SUSPEND"]').click()
    app.get_by_role("dialog").get_by_role("button", name="Suspend").click()
    app.locator('[data-event="SUSPENDED"]').wait_for()
    assert Service.objects.get(pk=service.pk).status == "SUSPENDED"
    app.locator('[data-action="UNSUSPEND"]').wait_for()
    assert app.locator('[data-action="SUSPEND"]').count() == 0

    # A page left open while someone else acted: the refusal comes back typed.
    lifecycle.service_unsuspend(service_id=service.pk, actor=SYSTEM)
    app.locator('[data-action="UNSUSPEND"]').click()
    app.get_by_role("dialog").get_by_role("button", name="Unsuspend").click()
    error = app.locator('[data-code="INVALID_TRANSITION"]')
    error.wait_for()
    # A sentence, not "INVALID_TRANSITION: …"; and the page shows what is allowed now.
    assert error.inner_text() == "This isn't possible while the service is active. The page now shows what it allows."
    assert Service.objects.get(pk=service.pk).status == "ACTIVE"
    app.locator('[data-action="SUSPEND"]').wait_for()
    assert app.locator('[data-action="UNSUSPEND"]').count() == 0
    screenshot(staff_page, "service-detail-light")


def test_approve_a_cancellation_request(staff_page, store, customer):
    service = store[1]
    request = cancellation_request_create(
        service_id=service.pk, actor=Actor.customer(customer), type=CancellationType.IMMEDIATE,
        reason="Moving to a bigger plan elsewhere", password=PASSWORD,
    )
    app = open_app(staff_page, "cancellation-requests")
    app.get_by_test_id("requests").wait_for()
    assert "Moving to a bigger plan elsewhere" in app.get_by_test_id("requests").inner_text()
    screenshot(staff_page, "cancellation-requests-light")
    app.locator('[data-decide="approve"]').click()
    app.get_by_role("dialog").locator("input").fill("Done, sorry to see you go")
    app.get_by_role("dialog").get_by_role("button", name="Approve").click()
    app.get_by_test_id("empty").wait_for()

    request.refresh_from_db()
    assert request.status == "COMPLETED" and request.decision_note == "Done, sorry to see you go"
    assert Service.objects.get(pk=service.pk).status == "CANCELLED"


def _new_plan_form(staff_page):
    """The plan editor opened for a new plan, with a VPS variant in the stand-in catalogue."""
    CatalogueVariant.objects.create(variant_id=4242, product_id=42, product_name="VPS", name="16 GB", sku="VPS-16",
                                    channel_prices={"default-channel": {"amount": "99.000", "currency": "USD"}})
    app = open_app(staff_page, "plans")
    app.get_by_test_id("plans").wait_for()
    app.get_by_test_id("new-plan").click()
    return app, app.get_by_test_id("plan-form")


def test_create_a_plan_through_the_catalogue_search(staff_page, store):
    CatalogueVariant.objects.create(variant_id=11, product_id=1, product_name="Hosting", name="", sku="HOST",
                                    channel_prices={"default-channel": {"amount": "9.99", "currency": "USD"}})
    app, form = _new_plan_form(staff_page)
    app.get_by_test_id("catalogue-search").fill("")
    results = app.get_by_test_id("catalogue-results")
    # The variant the Hosting plan sells is marked, and offers no Choose.
    taken = results.locator(f'[data-variant="{global_id("ProductVariant", 11)}"]')
    expect(taken).to_contain_text("Sold by the plan Hosting")
    expect(taken.get_by_role("button")).to_have_count(0)
    app.get_by_test_id("catalogue-search").fill("VPS-16")
    expect(results.locator("[data-variant]")).to_have_count(1)
    expect(results).to_contain_text("VPS · 16 GB")
    expect(results).to_contain_text("SKU VPS-16")
    expect(results).to_contain_text("$99.00 (default-channel)")
    screenshot(staff_page, "plan-catalogue-search-light")
    results.get_by_role("button", name="Choose").click()
    expect(app.get_by_test_id("chosen-variant")).to_have_text("Sells: VPS · 16 GB")
    expect(form.get_by_label("Name")).to_have_value("VPS 16 GB")
    form.get_by_label("Notice (days)").fill("14")
    form.locator('[data-price-row="0"]').get_by_label("Amount").fill("89.00")
    form.get_by_text("Reactivate after cancelling").click()
    form.locator('[data-target="Hosting"]').click()
    grace = form.locator('[data-override="GRACE_DAYS"]')
    grace.get_by_role("combobox").click()
    app.get_by_role("option", name="Days").click()
    grace.get_by_label("Days").fill("10")
    app.get_by_test_id("save-plan").click()
    app.locator('[data-plan="VPS 16 GB"]').wait_for()

    plan = ServicePlan.objects.get(name="VPS 16 GB")
    assert plan.variant_id == 4242 and plan.notice_period_days == 14
    assert plan.allow_reactivation and plan.automation_overrides == {"GRACE_DAYS": 10}
    assert list(plan.change_targets.values_list("name", flat=True)) == ["Hosting"]
    prices = [(price.channel_slug, float(price.amount), price.currency) for price in plan.prices.all()]
    assert prices == [("default-channel", 89.0, "USD")]
    expect(app.locator('[data-plan="VPS 16 GB"]')).to_contain_text("VPS · 16 GB")
    screenshot(staff_page, "plans-light")


def test_create_a_product_wide_plan_through_the_catalogue_search(staff_page, store):
    app, form = _new_plan_form(staff_page)
    app.get_by_test_id("catalogue-search").fill("VPS-16")
    results = app.get_by_test_id("catalogue-results")
    expect(results.locator("[data-variant]")).to_have_count(1)
    results.get_by_role("button", name="All variants of VPS").click()
    expect(app.get_by_test_id("chosen-variant")).to_have_text("Sells: every variant of VPS")
    expect(form.get_by_label("Name")).to_have_value("VPS")
    app.get_by_test_id("save-plan").click()
    app.locator('[data-plan="VPS"]').wait_for()

    plan = ServicePlan.objects.get(name="VPS")
    assert (plan.variant_id, plan.product_id) == (None, 42)
    expect(app.locator('[data-plan="VPS"]')).to_contain_text("VPS · all variants")


def _open_service(staff_page, service):
    app = open_app(staff_page)
    app.get_by_test_id("services-table").wait_for()
    app.locator(f'[data-service="{global_id("Service", service.pk)}"]').get_by_role("button", name="Hosting").click()
    app.get_by_test_id("service-detail").wait_for()
    return app


def test_edit_a_service(staff_page, store):
    service = store[0]
    app = _open_service(staff_page, service)
    app.get_by_test_id("edit-service").click()
    edit = app.get_by_test_id("service-edit")
    edit.locator('[data-field="domain"]').fill("renamed.example.com")
    edit.locator('[data-field="nextDueDate"]').fill("2026-07-15")
    edit.locator('[data-field="serverHostname"]').fill("web7.example.net")
    edit.locator('[data-field="options"]').fill('{"region": "eu", "disk": 40}')
    edit.locator('[data-field="password"]').fill("n3w-secret")
    # Options that are not JSON are refused before the API is asked.
    edit.locator('[data-field="options"]').fill("{region: eu")
    app.get_by_test_id("save-service").click()
    expect(edit.get_by_role("alert")).to_have_text("This is not valid JSON.")
    edit.locator('[data-field="options"]').fill('{"region": "eu", "disk": 40}')
    screenshot(staff_page, "service-edit-light")
    app.get_by_test_id("save-service").click()
    expect(app.get_by_test_id("service-edit")).to_have_count(0)
    app.locator('[data-event="UPDATED"]').first.wait_for()

    service.refresh_from_db()
    assert service.domain == "renamed.example.com" and str(service.next_due_date) == "2026-07-15"
    assert service.server_hostname == "web7.example.net" and service.options == {"region": "eu", "disk": 40}
    assert service.password.reveal() == "n3w-secret"
    expect(app.get_by_test_id("service-detail")).to_contain_text("renamed.example.com")


def test_change_plan_with_its_quote(staff_page, store):
    service = store[0]
    # Half-way through its month, so the change is prorated over the days left.
    Service.objects.filter(pk=service.pk).update(next_due_date=date.today() + timedelta(days=15))
    pro = ServicePlan.objects.create(name="Hosting Pro", variant_id=12, product_id=1)
    ServicePlanPrice.objects.create(plan=pro, channel_slug="default-channel", amount="29.990", currency="USD")
    service.plan.change_targets.add(pro)
    app = _open_service(staff_page, service)
    change = app.get_by_test_id("plan-change")
    change.get_by_role("combobox").click()
    app.get_by_role("option", name="Hosting Pro").click()
    quote = app.get_by_test_id("quote")
    expect(quote).to_have_attribute("data-upgrade", "true")
    expect(quote).to_contain_text("From $9.99 to $29.99 per period")
    expect(quote).to_contain_text("days left in the period ending")
    assert not Renewal.objects.filter(kind="UPGRADE").exists()  # a quote changes nothing
    screenshot(staff_page, "service-plan-change-light")
    prorated = app.get_by_test_id("prorated").inner_text()
    app.get_by_test_id("change-plan").click()
    dialog = app.get_by_role("dialog")
    expect(dialog).to_contain_text("pay the prorated amount now")
    dialog.get_by_role("button", name="Change plan").click()
    app.locator('[data-event="PLAN_CHANGE_REQUESTED"]').wait_for()

    upgrade = Renewal.objects.get(service=service, kind="UPGRADE", status="OPEN")
    assert upgrade.target_plan == pro and f"{upgrade.amount:.2f}" in prorated
    # One change at a time: the page says the upgrade waits for its payment.
    expect(app.get_by_test_id("change-under-way")).to_contain_text("An upgrade waits for its payment")


def test_failed_emails_page(staff_page, store):
    app = open_app(staff_page, "failed-emails")
    app.get_by_test_id("failed-emails").get_by_test_id("empty").wait_for()
    screenshot(staff_page, "failed-emails-light")


def test_failed_emails_name_the_kind_of_email(staff_page, store):
    ServiceEvent.objects.create(service=store[0], type="RENEWAL_REMINDER", actor_type="SYSTEM",
                                email_status="FAILED", email_attempts=5, email_error="SMTPRecipientsRefused")
    app = open_app(staff_page, "failed-emails")
    expect(app.get_by_test_id("email-kind")).to_have_text("Payment reminder")
    expect(app.get_by_test_id("email-error")).to_have_text("SMTPRecipientsRefused")


def test_customer_widget_fits_its_services_and_opens_one_on_the_app_page(staff_page, store, customer):
    more = create_services_for_paid_order(paid_order(customer, order_line(quantity=6)), today=date(2026, 5, 1))
    app = open_app(staff_page, "customer", customerId=str(customer.pk))  # a numeric id
    app.get_by_test_id("customer-services").wait_for()
    assert "12 services" in app.get_by_test_id("customer-services").inner_text()
    expect(app.locator("[data-widget-service]")).to_have_count(12)
    content = app.get_by_test_id("widget-root").evaluate("root => root.getBoundingClientRect().height")
    assert content > 200
    staff_page.wait_for_function("height => document.getElementById('app').getBoundingClientRect().height >= height",
                                 arg=content)
    screenshot(staff_page, "customer-widget-light")

    before = staff_page.url
    app.locator(f'[data-widget-service="{global_id("Service", more[0].pk)}"]').get_by_role("button").click()
    app.get_by_test_id("service-detail").wait_for()
    assert staff_page.url == before  # the Dashboard navigated, not the widget's frame on its own
    redirects = staff_page.evaluate("window.dashboardActions.filter(a => a.type === 'redirect')")
    assert [r["payload"]["to"] for r in redirects] == [
        f"/extensions/app/saleor-services/services/{global_id('Service', more[0].pk).replace('=', '%3D')}"
    ]


def test_customer_widget_and_dark_theme(staff_page, store, customer):
    app = open_app(staff_page, "customer", theme="dark", customerId=global_id("User", customer.pk))
    app.get_by_test_id("customer-services").wait_for()
    assert "6 services" in app.get_by_test_id("customer-services").inner_text()
    screenshot(staff_page, "customer-widget-dark")
    for name, ready in (("services", "services-table"), ("cancellation-requests", "empty"), ("plans", "plans")):
        open_app(staff_page, name, theme="dark").get_by_test_id(ready).wait_for()
        screenshot(staff_page, f"{name}-dark")
    background = staff_page.frame_locator("#app").locator("#macaw-ui-root > div").first.evaluate(
        "element => getComputedStyle(element).backgroundColor"
    )
    assert re.match(r"rgb\((\d+), \1, \1\)|rgb\(\d+, \d+, \d+\)", background)
    red = int(re.findall(r"\d+", background)[0])
    assert red < 100  # a dark background


def test_a_password_the_keys_cannot_decrypt_leaves_the_page_working(staff_page, store, settings):
    from saleor_services.provisioning import outcome

    service = store[0]
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["the key of the day"]}
    outcome.service_provisioning_succeeded(service_id=service.pk, password="s3cret")
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["a key that came after it"]}

    app = open_app(staff_page)
    app.get_by_test_id("services-table").wait_for()
    app.locator(f'[data-service="{global_id("Service", service.pk)}"]').get_by_role("button", name="Hosting").click()
    app.get_by_test_id("service-detail").wait_for()
    assert "encryption keys cannot decrypt" in app.get_by_test_id("password-unavailable").inner_text()
    assert app.locator('[data-event="CREATED"]').count() == 1


def test_layout_at_800_px_and_disabled_destructive_buttons_in_dark(staff_page, store):
    staff_page.set_viewport_size({"width": 1020, "height": 900})  # the stand-in's nav takes 220 px
    app = open_app(staff_page)
    app.get_by_test_id("services-table").wait_for()
    assert app.locator("body").evaluate("body => body.clientWidth") <= 800
    overflowing = app.get_by_test_id("filters").locator("input").evaluate_all(
        "inputs => inputs.filter(i => i.getBoundingClientRect().right > document.documentElement.clientWidth).length"
    )
    assert overflowing == 0
    due = app.locator("[data-service] td:nth-child(5) span, [data-service] td:nth-child(5) p").first
    lines = due.evaluate("element => element.getClientRects().length")
    height = due.evaluate("element => element.getBoundingClientRect().height")
    line_height = due.evaluate("element => parseFloat(getComputedStyle(element).lineHeight) || 20")
    assert lines == 1 and height < 1.5 * line_height, "the due date wraps"
    screenshot(staff_page, "services-800px")

    app = open_app(staff_page, "plans", theme="dark")
    app.get_by_test_id("plans").wait_for()
    delete = app.locator(f'[data-delete="{store[0].plan.name}"]')
    assert delete.is_disabled()
    background = delete.evaluate("button => getComputedStyle(button).backgroundColor")
    red, green, blue = (int(value) for value in re.findall(r"\d+", background)[:3])
    assert min(red, green, blue) < 200, f"a disabled destructive button is drawn bright: {background}"


def test_tonights_automation_lists_what_each_step_would_take_up(staff_page, store):
    app = open_app(staff_page, "automation")
    app.get_by_test_id("automation").wait_for()
    app.get_by_test_id("automation-date").fill("2026-05-25")  # 7 days before they are due
    renewals = app.locator('[data-step="generate_renewals"]')
    expect(renewals.locator("[data-count]")).to_have_attribute("data-count", "6")
    renewals.get_by_role("button", name="Show services").click()
    expect(renewals.locator("[data-step-service]")).to_have_count(6)
    screenshot(staff_page, "automation-light")
    renewals.locator(f'[data-step-service="{global_id("Service", store[0].pk)}"]').get_by_role("button").click()
    app.get_by_test_id("service-detail").wait_for()
    assert not Renewal.objects.exists()  # a preview changes nothing


def test_the_forms_at_800_px_in_dark(staff_page, store):
    """The service editor, the plan change and the plan editor fit 800 px, and a disabled
    primary button is not drawn bright in the dark theme."""
    staff_page.set_viewport_size({"width": 1020, "height": 900})  # the stand-in's nav takes 220 px
    service = store[0]
    pro = ServicePlan.objects.create(name="Hosting Pro", variant_id=12, product_id=1)
    ServicePlanPrice.objects.create(plan=pro, channel_slug="default-channel", amount="29.990", currency="USD")
    service.plan.change_targets.add(pro)
    staff_page.goto(f"{staff_page.live_server_url}/dashboard-host/?page=services&theme=dark")
    app = staff_page.frame_locator("#app")
    app.locator(f'[data-service="{global_id("Service", service.pk)}"]').get_by_role("button", name="Hosting").click()
    app.get_by_test_id("edit-service").click()
    save = app.get_by_test_id("save-service")
    assert save.is_disabled()  # nothing changed yet
    background = save.evaluate("button => getComputedStyle(button).backgroundColor")
    assert min(int(value) for value in re.findall(r"\d+", background)[:3]) < 200, background

    def overflowing():
        return app.locator("body").evaluate(
            "body => [...body.querySelectorAll('input, textarea, button')]"
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length"
        )

    assert app.locator("body").evaluate("body => body.clientWidth") <= 800
    assert overflowing() == 0
    app.get_by_test_id("plan-change").get_by_role("combobox").click()
    app.get_by_role("option", name="Hosting Pro").click()
    app.get_by_test_id("quote").wait_for()
    assert overflowing() == 0
    screenshot(staff_page, "service-edit-800px-dark")

    staff_page.goto(f"{staff_page.live_server_url}/dashboard-host/?page=plans&theme=dark")
    app.get_by_test_id("new-plan").click()
    app.get_by_test_id("add-price").click()
    app.get_by_test_id("plan-form").wait_for()
    assert overflowing() == 0
    screenshot(staff_page, "plan-editor-800px-dark")
