"""The plugin's configuration, edited through Saleor's pluginUpdate as the Dashboard's
plugin page does: typed fields with help text, secrets masked, bad values refused naming
the field, and a saved change changes what the package does."""

import pytest

pytest.importorskip("saleor")

from saleor.graphql.tests.utils import get_graphql_content  # noqa: E402

from saleor_services.conf import get_settings  # noqa: E402
from saleor_services.enums import EmailStatus  # noqa: E402
from saleor_services.notifications import send_pending_emails  # noqa: E402

from .loopback import body_of, smtp_server  # noqa: E402, F401

PLUGIN = """
query { plugin(id: "saleor_services") { globalConfiguration { active configuration {
  name value type helpText label } } } }
"""
UPDATE = """
mutation($configuration: [ConfigurationItemInput!]) {
  pluginUpdate(id: "saleor_services", input: {configuration: $configuration}) {
    plugin { globalConfiguration { configuration { name value } } }
    errors { field code message }
  }
}
"""


@pytest.fixture(autouse=True)
def fresh_settings():
    # Each test's saved configuration is rolled back with its transaction; so is the cache.
    from saleor_services.conf import settings_changed

    settings_changed()
    yield
    settings_changed()


@pytest.fixture
def plugin_staff(staff_api_client, permission_manage_plugins):
    staff_api_client.user.user_permissions.add(permission_manage_plugins)
    return staff_api_client


def _update(client, **values):
    configuration = [{"name": name, "value": value} for name, value in values.items()]
    return get_graphql_content(client.post_graphql(UPDATE, {"configuration": configuration}))["data"]["pluginUpdate"]


def _fields(client) -> dict:
    content = get_graphql_content(client.post_graphql(PLUGIN))
    return {item["name"]: item for item in content["data"]["plugin"]["globalConfiguration"]["configuration"]}


def test_the_plugin_declares_typed_fields_with_help_and_secrets(plugin_staff):
    fields = _fields(plugin_staff)

    assert fields["GRACE_DAYS"]["type"] == "STRING" and fields["GRACE_DAYS"]["helpText"]
    assert fields["PROVISIONER_WEBHOOK_SECRET"]["type"] == "SECRET"
    assert fields["EMAIL_PASSWORD"]["type"] == "PASSWORD"
    assert fields["EMAIL_TEMPLATES"]["type"] == "MULTILINE"
    assert all(item["label"] and item["helpText"] for item in fields.values())


def test_a_saved_setting_is_the_effective_one_and_secrets_stay_hidden(plugin_staff):
    assert get_settings().SUSPENSION_WARNING_DAYS_BEFORE == 1

    payload = _update(
        plugin_staff, SUSPENSION_WARNING_DAYS_BEFORE="3", PROVISIONER_WEBHOOK_SECRET="whsec-0123456789"
    )

    assert payload["errors"] == []
    assert get_settings().SUSPENSION_WARNING_DAYS_BEFORE == 3
    assert get_settings().PROVISIONER_WEBHOOK_SECRET == "whsec-0123456789"
    assert _fields(plugin_staff)["PROVISIONER_WEBHOOK_SECRET"]["value"] == "6789"


def test_a_bad_value_is_refused_naming_the_field_and_nothing_is_saved(plugin_staff):
    payload = _update(plugin_staff, GRACE_DAYS="soon", SUSPENSION_WARNING_DAYS_BEFORE="3")

    [error] = payload["errors"]
    # (Saleor camel-cases the field's name in its error.)
    assert (error["field"], error["code"]) == ("GRACEDays", "INVALID")
    assert error["message"] == "SALEOR_SERVICES['GRACE_DAYS'] must be a whole number, got 'soon'."
    assert get_settings().SUSPENSION_WARNING_DAYS_BEFORE == 1


def test_the_package_s_smtp_settings_deliver_where_the_store_has_no_route(
    plugin_staff, bought_service, smtp_server, settings  # noqa: F811
):
    from saleor_services.actors import SYSTEM
    from saleor_services.lifecycle import service_suspend

    # As in a Saleor deploy without EMAIL_URL, no user-email plugin, no NOTIFY_USER app.
    settings.EMAIL_BACKEND = ""
    service_suspend(service_id=bought_service.pk, actor=SYSTEM)
    send_pending_emails()
    suspended = bought_service.events.get(type="SUSPENDED")
    assert suspended.email_status == EmailStatus.PENDING
    assert "No e-mail route" in suspended.email_error

    payload = _update(
        plugin_staff,
        EMAIL_HOST=smtp_server.host,
        EMAIL_PORT=str(smtp_server.port),
        EMAIL_SENDER_NAME="Hosting Services",
        EMAIL_SENDER_ADDRESS="services@example.com",
    )
    assert payload["errors"] == []
    send_pending_emails()

    [message] = smtp_server.to(bought_service.user_email)
    assert message["From"] == "Hosting Services <services@example.com>"
    assert message["Subject"] == "Hosting has been suspended"
    assert "Hosting" in body_of(message, "html")
    suspended.refresh_from_db()
    assert suspended.email_status == EmailStatus.SENT
