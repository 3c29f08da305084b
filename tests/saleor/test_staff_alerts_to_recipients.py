"""Staff alerts reach Saleor's staff notification recipients (the list its new-order
e-mails go to) through the admin-email plugin's SMTP server, once each."""

import pytest

pytest.importorskip("saleor")

from saleor.plugins.manager import get_plugins_manager  # noqa: E402

from saleor_services.enums import CancellationMode  # noqa: E402
from saleor_services.notifications import send_pending_alerts  # noqa: E402

from .conftest import PLUGIN_PATH  # noqa: E402
from .loopback import body_of, smtp_server  # noqa: E402, F401

ADMIN_EMAIL_PLUGIN = "saleor.plugins.admin_email.plugin.AdminEmailPlugin"


@pytest.fixture
def admin_email_plugin(settings, smtp_server, staff_user):  # noqa: F811
    from saleor.account.models import StaffNotificationRecipient
    from saleor.plugins.admin_email.plugin import AdminEmailPlugin

    settings.PLUGINS = [PLUGIN_PATH, ADMIN_EMAIL_PLUGIN]
    get_plugins_manager(allow_replica=False).save_plugin_configuration(
        AdminEmailPlugin.PLUGIN_ID,
        None,
        {
            "active": True,
            "configuration": [
                {"name": "host", "value": smtp_server.host},
                {"name": "port", "value": str(smtp_server.port)},
                {"name": "sender_name", "value": "Shop Staff"},
                {"name": "sender_address", "value": "staff-mail@example.com"},
                {"name": "use_tls", "value": False},
                {"name": "use_ssl", "value": False},
            ],
        },
    )
    # One recipient by address, one by staff account; an inactive one hears nothing.
    StaffNotificationRecipient.objects.create(staff_email="ops@example.com", active=True)
    StaffNotificationRecipient.objects.create(user=staff_user, active=True)
    StaffNotificationRecipient.objects.create(staff_email="former@example.com", active=False)
    return ["ops@example.com", staff_user.email]


def test_a_failed_provisioning_reaches_the_staff_recipients_once(
    admin_email_plugin, bought_service, smtp_server  # noqa: F811
):
    from saleor_services.provisioning.outcome import service_provisioning_failed

    service_provisioning_failed(service_id=bought_service.pk, error="Panel answered 500")
    send_pending_alerts()
    send_pending_alerts()

    alerts = [(sender, sorted(to), m) for sender, to, m in smtp_server.messages if "Provisioning" in m["Subject"]]
    assert [(sender, to, m["Subject"], m["From"]) for sender, to, m in alerts] == [
        (
            "staff-mail@example.com",
            sorted(admin_email_plugin),
            "Provisioning failed for Hosting",
            "Shop Staff <staff-mail@example.com>",
        )
    ]
    assert "Panel answered 500" in body_of(alerts[0][2], "plain")
    assert not smtp_server.to("former@example.com")


def test_a_cancellation_request_to_review_reaches_them(
    admin_email_plugin, bought_service, smtp_server, customer  # noqa: F811
):
    from saleor_services.actors import Actor
    from saleor_services.cancellation import cancellation_request_create

    plan = bought_service.plan
    plan.cancellation_mode = CancellationMode.REQUEST
    plan.save(update_fields=["cancellation_mode"])
    cancellation_request_create(
        service_id=bought_service.pk, actor=Actor.customer(customer), type="END_OF_BILLING_PERIOD",
        reason="Moving to another host", password="password",
    )
    send_pending_alerts()

    [message] = [m for m in smtp_server.to("ops@example.com") if "cancellation" in m["Subject"]]
    assert message["Subject"] == "New cancellation request for Hosting"
    assert "Moving to another host" in body_of(message, "plain")
