"""With Saleor's user-email plugin active for the channel, against a real SMTP server on
loopback, the customer receives each service e-mail from the store's sender, in their
language, as text and HTML."""

import pytest

pytest.importorskip("saleor")

from saleor.plugins.manager import get_plugins_manager  # noqa: E402

from saleor_services.actors import SYSTEM  # noqa: E402
from saleor_services.enums import EmailStatus  # noqa: E402
from saleor_services.lifecycle import service_suspend, service_unsuspend  # noqa: E402
from saleor_services.notifications import send_pending_emails  # noqa: E402

from .conftest import PLUGIN_PATH  # noqa: E402
from .loopback import body_of, smtp_server  # noqa: E402, F401

USER_EMAIL_PLUGIN = "saleor.plugins.user_email.plugin.UserEmailPlugin"


@pytest.fixture
def user_email_plugin(settings, smtp_server, store):  # noqa: F811
    from saleor.plugins.user_email.plugin import UserEmailPlugin

    settings.PLUGINS = [PLUGIN_PATH, USER_EMAIL_PLUGIN]
    manager = get_plugins_manager(allow_replica=False)
    for channel in (store.gross, store.net):
        # Saved as the Dashboard saves it; Saleor checks the SMTP server answers.
        manager.save_plugin_configuration(
            UserEmailPlugin.PLUGIN_ID,
            channel.slug,
            {
                "active": True,
                "configuration": [
                    {"name": "host", "value": smtp_server.host},
                    {"name": "port", "value": str(smtp_server.port)},
                    {"name": "sender_name", "value": "Hosting Shop"},
                    {"name": "sender_address", "value": "shop@example.com"},
                    {"name": "use_tls", "value": False},
                    {"name": "use_ssl", "value": False},
                ],
            },
        )


def services_mail(smtp_server, address):  # noqa: F811
    # Saleor's own order e-mails for the purchase arrive too.
    return [m for m in smtp_server.to(address) if not m["Subject"].startswith(("Order", "Commande"))]


def test_the_customer_receives_each_e_mail_from_the_store_s_sender(
    user_email_plugin, bought_service, smtp_server, mailoutbox  # noqa: F811
):
    service = bought_service
    send_pending_emails()
    service_suspend(service_id=service.pk, actor=SYSTEM, reason="Abuse report")
    service_unsuspend(service_id=service.pk, actor=SYSTEM)
    send_pending_emails()

    received = services_mail(smtp_server, service.user_email)
    assert [message["Subject"] for message in received] == [
        "Your Hosting is active",
        "Hosting has been suspended",
        "Hosting is active again",
    ]
    assert {message["From"] for message in received} == {"Hosting Shop <shop@example.com>"}
    suspended = received[1]
    assert "Reason: Abuse report" in body_of(suspended, "plain")
    assert "<p>Reason: Abuse report</p>" in body_of(suspended, "html")
    assert mailoutbox == []  # not Django's backend: the store's SMTP server
    owed = service.events.exclude(email_status=EmailStatus.NOT_REQUIRED)
    assert set(owed.values_list("email_status", flat=True)) == {EmailStatus.SENT}


@pytest.fixture
def french_customer(customer):
    customer.language_code = "fr"
    customer.save(update_fields=["language_code"])
    return customer


def test_the_customer_reads_it_in_their_language(
    user_email_plugin, french_customer, bought_service, smtp_server  # noqa: F811
):
    send_pending_emails()

    [message] = services_mail(smtp_server, bought_service.user_email)
    assert message["Subject"] == "Votre Hosting est actif"
    assert "Votre service Hosting est maintenant actif." in body_of(message, "plain")
    assert '<html lang="fr">' in body_of(message, "html")
