"""E-mail inside Saleor: every e-mail is a notify event of the plugins manager, then goes
out by the store's own route.

`manager.notify(event, payload_func, channel_slug)` is what Saleor does for its own
e-mails, so apps subscribed to NOTIFY_USER (and plugins) hear ours too, named in the
package's namespace. Saleor's e-mail plugins answer only Saleor's own events, so the
package delivers its e-mail itself with the first route the store has:

1. the user-email plugin (staff alerts: the admin-email plugin), active and set up for
   the channel: its SMTP server and sender, through Saleor's `email_common.send_email`;
2. an active app subscribed to NOTIFY_USER: it received the event and sends it;
3. the package's own SMTP settings (plugin configuration), through the same helper;
4. Django's mail, where the deploy set EMAIL_URL (Saleor's EMAIL_BACKEND is "" otherwise).

With none of these the e-mail fails with an error saying so (and staff are alerted).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from ..conf import get_settings
from ..host import OutgoingEmail

USER_EMAIL_PLUGIN_ID = "mirumee.notifications.user_email"
ADMIN_EMAIL_PLUGIN_ID = "mirumee.notifications.admin_email"


class NoEmailRoute(RuntimeError):
    pass


def notify_payload(email: OutgoingEmail) -> dict:
    """As Saleor builds its notify payloads: the recipient, channel, language and the
    site's context (`get_site_context`), with the rendered e-mail."""
    from saleor.core.notification.utils import get_site_context

    recipients = {"recipient_list": list(email.recipients)} if email.staff else {
        "recipient_email": email.recipients[0] if email.recipients else None
    }
    return {
        **recipients,
        "channel_slug": email.channel_slug,
        "language_code": email.language,
        "subject": email.subject,
        "text": email.text,
        "html": email.html,
        **email.payload,
        **get_site_context(),
    }


def _plugin_smtp(manager, plugin_id: str, channel_slug: str | None):
    """The EmailConfig of Saleor's e-mail plugin where it is active and set up."""
    plugin = manager.get_plugin(plugin_id, channel_slug=channel_slug)
    config = getattr(plugin, "config", None)
    if plugin is None or not plugin.active or config is None:
        return None
    return config if config.host and config.sender_address else None


def _own_smtp():
    from saleor.plugins.email_common import EmailConfig

    values = get_settings()
    if not values.EMAIL_HOST:
        return None
    return EmailConfig(
        host=values.EMAIL_HOST,
        port=str(values.EMAIL_PORT),
        username=values.EMAIL_USERNAME,
        password=values.EMAIL_PASSWORD,
        sender_name=values.EMAIL_SENDER_NAME or "",
        sender_address=values.EMAIL_SENDER_ADDRESS,
        use_tls=values.EMAIL_USE_TLS,
        use_ssl=values.EMAIL_USE_SSL,
    )


def _app_listens() -> bool:
    from saleor.webhook.event_types import WebhookEventAsyncType
    from saleor.webhook.utils import get_webhooks_for_event

    return bool(get_webhooks_for_event(WebhookEventAsyncType.NOTIFY_USER))


def _smtp_send(config, email: OutgoingEmail) -> None:
    from saleor.plugins.email_common import send_email

    # Saleor's helper renders Handlebars; ours is rendered already, so it is passed as
    # unescaped values rather than as a template (a "{{" in a product name stays text).
    send_email(
        config,
        list(email.recipients),
        {"subject": email.subject, "html": email.html},
        subject="{{{subject}}}",
        template_str="{{{html}}}",
    )


def deliver(email: OutgoingEmail, manager=None) -> str:
    """Notify, then deliver; returns the route taken (for the log and tests)."""
    from saleor.core.notify import NotifyHandler
    from saleor.plugins.manager import get_plugins_manager

    manager = manager or get_plugins_manager(allow_replica=False)
    handler = NotifyHandler(lambda: notify_payload(email))
    manager.notify(email.event, payload_func=handler.payload, channel_slug=email.channel_slug)
    if not email.recipients:
        return "none"
    plugin_id = ADMIN_EMAIL_PLUGIN_ID if email.staff else USER_EMAIL_PLUGIN_ID
    config = _plugin_smtp(manager, plugin_id, None if email.staff else email.channel_slug)
    if config is not None:
        _smtp_send(config, email)
        return "plugin"
    if _app_listens():
        return "app"
    config = _own_smtp()
    if config is not None:
        _smtp_send(config, email)
        return "package-smtp"
    if settings.EMAIL_BACKEND:
        message = EmailMultiAlternatives(
            email.subject, email.text, settings.DEFAULT_FROM_EMAIL, list(email.recipients)
        )
        message.attach_alternative(email.html, "text/html")
        message.send()
        return "django"
    raise NoEmailRoute(
        "No e-mail route: activate Saleor's user-email plugin for the channel, install an app "
        "subscribed to NOTIFY_USER, set the Services plugin's SMTP settings, or set EMAIL_URL."
    )


def staff_notification_recipients() -> list[str]:
    """Saleor's staff notification recipients, the list its new-order e-mails go to."""
    from saleor.account.models import StaffNotificationRecipient

    recipients = StaffNotificationRecipient.objects.filter(active=True).select_related("user")
    return [email for email in (recipient.get_email() for recipient in recipients) if email]
