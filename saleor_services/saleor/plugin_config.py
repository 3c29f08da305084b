"""The Services plugin's configuration: the settings staff edit on its Dashboard page.

Each field is a key of SALEOR_SERVICES; blank means "the code's value" (the deploy's
SALEOR_SERVICES, else the package default). `conf.get_settings()` reads the saved values
through `SaleorHost.stored_settings`; saving validates them with the same rules as the
code's settings and refuses bad ones naming the field.
"""

from django.core.exceptions import ImproperlyConfigured, ValidationError
from saleor.plugins.base_plugin import ConfigurationTypeField
from saleor.plugins.error_codes import PluginErrorCode

from ..conf import STORED_KEYS, clean_stored_settings

PLUGIN_ID = "saleor_services"

_DAYS = "Whole days; 'never' turns it off; blank: the code's value."
_TYPES = ConfigurationTypeField
FIELDS = {
    "RENEWAL_DAYS_BEFORE": (
        _TYPES.STRING,
        "Renewal invoice, days before due",
        f"When a period's renewal invoice is created. {_DAYS}",
    ),
    "REMINDER_DAYS_BEFORE": (
        _TYPES.STRING,
        "Reminders, days before due",
        "Comma-separated days before the due date on which an unpaid renewal is reminded, "
        "e.g. '7, 1'. Blank: the code's value.",
    ),
    "GRACE_DAYS": (
        _TYPES.STRING,
        "Grace days",
        f"Days after the due date before an unpaid service is suspended. {_DAYS}",
    ),
    "SUSPENSION_WARNING_DAYS_BEFORE": (
        _TYPES.STRING,
        "Suspension warning, days before",
        f"Days before a suspension on which the customer is warned. {_DAYS}",
    ),
    "TERMINATE_SUSPENDED_AFTER_DAYS": (
        _TYPES.STRING,
        "Terminate suspended after days",
        f"Days a service stays suspended before it is terminated. {_DAYS}",
    ),
    "TERMINATE_CANCELLED_AFTER_DAYS": (
        _TYPES.STRING,
        "Terminate cancelled after days",
        f"Days after a cancellation before the service is terminated. {_DAYS}",
    ),
    "TERMINATION_WARNING_DAYS_BEFORE": (
        _TYPES.STRING,
        "Termination warning, days before",
        f"Days before a termination on which the customer is warned. {_DAYS}",
    ),
    "PROVISIONER_WEBHOOK_URL": (
        _TYPES.STRING,
        "Provisioning webhook URL",
        "Where the webhook provisioner POSTs its calls.",
    ),
    "PROVISIONER_WEBHOOK_SECRET": (
        _TYPES.SECRET,
        "Provisioning webhook secret",
        "The HMAC key signing each provisioning call.",
    ),
    "PROVISIONER_WEBHOOK_KEY_ID": (
        _TYPES.STRING,
        "Provisioning webhook key id",
        "Named in each signature (kid=...), so receivers can hold several secrets while you rotate them.",
    ),
    "PROVISIONER_WEBHOOK_TIMEOUT": (
        _TYPES.STRING,
        "Provisioning webhook timeout",
        "Seconds to wait for the receiver (1-300).",
    ),
    "PROVISIONER_WEBHOOK_RETRIES": (
        _TYPES.STRING,
        "Provisioning webhook retries",
        "Tries after the first failure (0-20).",
    ),
    "CANCELLATION_REASON_MAX_LENGTH": (
        _TYPES.STRING,
        "Cancellation reason length",
        "The longest reason a customer may give (1-1000 characters).",
    ),
    "OWNER_REMOVED_POLICY": (
        _TYPES.STRING,
        "When a customer account is deleted",
        "CANCEL_NOW or CANCEL_AT_PERIOD_END.",
    ),
    "OWNER_REMOVED_KEEP_EMAIL": (
        _TYPES.STRING,
        "Keep a deleted customer's e-mail",
        "'true' keeps the address on the services as the store's record; 'false' erases it.",
    ),
    "STAFF_ALERT_RECIPIENTS": (
        _TYPES.MULTILINE,
        "More staff alert recipients",
        "E-mail addresses (comma- or line-separated) told about alerts, besides the staff notification recipients.",
    ),
    "EMAIL_HOST": (
        _TYPES.STRING,
        "SMTP host",
        "The package's own SMTP server, used where the store's user-email plugin is inactive "
        "and no app listens to NOTIFY_USER.",
    ),
    "EMAIL_PORT": (
        _TYPES.STRING,
        "SMTP port",
        "Port of that SMTP server.",
    ),
    "EMAIL_USERNAME": (
        _TYPES.STRING,
        "SMTP user",
        "User for that SMTP server.",
    ),
    "EMAIL_PASSWORD": (
        _TYPES.PASSWORD,
        "SMTP password",
        "Password for that SMTP server.",
    ),
    "EMAIL_USE_TLS": (
        _TYPES.STRING,
        "SMTP: use TLS",
        "'true' for explicit TLS (STARTTLS, usually port 587).",
    ),
    "EMAIL_USE_SSL": (
        _TYPES.STRING,
        "SMTP: use SSL",
        "'true' for implicit TLS (usually port 465); not with TLS.",
    ),
    "EMAIL_SENDER_NAME": (
        _TYPES.STRING,
        "Sender name",
        "Shown as the 'from' name of the package's e-mails.",
    ),
    "EMAIL_SENDER_ADDRESS": (
        _TYPES.STRING,
        "Sender e-mail",
        "The 'from' address of the package's e-mails (required with an SMTP host).",
    ),
    "EMAIL_MAX_ATTEMPTS": (
        _TYPES.STRING,
        "E-mail tries",
        "Tries before an e-mail is marked failed and staff are alerted (1-50).",
    ),
    "EMAIL_TEMPLATES": (
        _TYPES.MULTILINE,
        "E-mail templates",
        'JSON: per e-mail kind, Django templates replacing the shipped "subject", "text" and/or '
        '"html", e.g. {"renewal_reminder": {"subject": "{{ product }} is due {{ due_date }}"}}.',
    ),
}
assert set(FIELDS) == set(STORED_KEYS)

CONFIG_STRUCTURE = {
    key: {"type": type_, "label": label, "help_text": help_text}
    for key, (type_, label, help_text) in FIELDS.items()
}
DEFAULT_CONFIGURATION = [{"name": key, "value": ""} for key in FIELDS]


def stored_values(configuration: list[dict]) -> dict:
    return {item["name"]: item.get("value") for item in configuration or []}


def validate(configuration: list[dict]) -> None:
    """Saleor's ValidationError, naming the field, for values the resolver would refuse."""
    values = stored_values(configuration)
    try:
        clean_stored_settings(values)
    except ImproperlyConfigured as error:
        message = str(error)
        field = next((key for key in FIELDS if f"'{key}'" in message), None)
        raise ValidationError(
            {field or "configuration": ValidationError(message, code=PluginErrorCode.INVALID.value)}
        ) from None


def saved_configuration() -> dict:
    """The plugin's saved values (global configuration), as `stored_settings` returns them."""
    from saleor.core.db.connection import allow_writer
    from saleor.plugins.models import PluginConfiguration

    with allow_writer():
        configuration = (
            PluginConfiguration.objects.filter(identifier=PLUGIN_ID, channel__isnull=True)
            .values_list("configuration", flat=True)
            .first()
        )
    return stored_values(configuration)
