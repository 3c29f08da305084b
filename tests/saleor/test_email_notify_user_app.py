"""An app subscribed to NOTIFY_USER, with a real HTTP receiver on loopback, hears every
service e-mail and staff alert as a notify event in the package's namespace, with the
payload Saleor builds for its own notify events (recipient, channel, language, site)."""

import pytest

pytest.importorskip("saleor")

from saleor_services.actors import SYSTEM  # noqa: E402
from saleor_services.enums import EmailStatus  # noqa: E402
from saleor_services.lifecycle import service_suspend  # noqa: E402
from saleor_services.notifications import send_pending_alerts, send_pending_emails  # noqa: E402

from .conftest import PLUGIN_PATH  # noqa: E402
from .loopback import http_receiver  # noqa: E402, F401

WEBHOOK_PLUGIN = "saleor.plugins.webhook.plugin.WebhookPlugin"


@pytest.fixture
def notify_app(settings, http_receiver, permission_manage_users):  # noqa: F811
    from saleor.app.models import App
    from saleor.webhook.event_types import WebhookEventAsyncType
    from saleor.webhook.models import Webhook, WebhookEvent

    settings.PLUGINS = [PLUGIN_PATH, WEBHOOK_PLUGIN]
    app = App.objects.create(name="Mailer", is_active=True, identifier="mailer")
    # Saleor sends NOTIFY_USER only to apps that may manage users.
    app.permissions.add(permission_manage_users)
    webhook = Webhook.objects.create(
        name="notify", app=app, target_url=http_receiver.url, is_active=True
    )
    WebhookEvent.objects.create(webhook=webhook, event_type=WebhookEventAsyncType.NOTIFY_USER)
    return app


def _ours(receiver) -> list[dict]:
    return [body for body in receiver.bodies if body["notify_event"].startswith("saleor_services_")]


def test_the_app_hears_each_customer_e_mail(notify_app, bought_service, http_receiver, site_settings):  # noqa: F811
    service = bought_service
    service_suspend(service_id=service.pk, actor=SYSTEM, reason="Abuse report")
    send_pending_emails()

    events = _ours(http_receiver)
    assert [event["notify_event"] for event in events] == ["saleor_services_activated", "saleor_services_suspended"]
    payload = events[1]["payload"]
    assert payload["recipient_email"] == service.user_email
    assert payload["channel_slug"] == service.channel_slug
    assert payload["language_code"] == "en"
    assert payload["site_name"] == site_settings.site.name and payload["domain"]
    assert payload["subject"] == "Hosting has been suspended"
    assert "Reason: Abuse report" in payload["text"] and payload["html"].startswith("<!DOCTYPE html>")
    assert payload["service_id"] == service.pk and payload["parameters"]["reason"] == "Abuse report"
    # The app is the store's route: the e-mail counts as delivered.
    assert service.events.get(type="SUSPENDED").email_status == EmailStatus.SENT


def test_the_app_hears_staff_alerts(notify_app, bought_service, http_receiver, settings):  # noqa: F811
    from saleor.account.models import StaffNotificationRecipient

    from saleor_services.provisioning.outcome import service_provisioning_failed

    StaffNotificationRecipient.objects.create(staff_email="ops@example.com", active=True)
    service_provisioning_failed(service_id=bought_service.pk, error="Panel answered 500")
    send_pending_alerts()

    [event] = [body for body in _ours(http_receiver) if "staff" in body["notify_event"]]
    assert event["notify_event"] == "saleor_services_staff_provisioning_failed"
    assert event["payload"]["recipient_list"] == ["ops@example.com"]
    assert event["payload"]["subject"] == "Provisioning failed for Hosting"
