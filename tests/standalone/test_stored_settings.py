"""Settings staff store in the host (inside Saleor: the plugin's page) overlay the code's
SALEOR_SERVICES; both are validated by the same rules, naming the key."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from saleor_services.conf import clean_stored_settings, get_settings, settings_changed
from saleor_services.host import get_host


@pytest.fixture
def stored(monkeypatch):
    """The standalone host's store, as the Saleor host's plugin configuration would hold it."""
    values: dict = {}
    monkeypatch.setattr(type(get_host()), "stored_settings", lambda self: values)
    settings_changed()
    yield values
    settings_changed()


def test_form_text_is_typed_and_blank_means_the_code_s_value(settings, stored):
    settings.SALEOR_SERVICES = {"GRACE_DAYS": 5, "REMINDER_DAYS_BEFORE": [3]}
    stored.update(
        {
            "GRACE_DAYS": "",
            "SUSPENSION_WARNING_DAYS_BEFORE": "3",
            "TERMINATE_CANCELLED_AFTER_DAYS": "never",
            "REMINDER_DAYS_BEFORE": "14, 1",
            "OWNER_REMOVED_KEEP_EMAIL": "true",
            "STAFF_ALERT_RECIPIENTS": "ops@example.com,\nowner@example.com",
            "EMAIL_TEMPLATES": '{"cancelled": {"subject": "Bye {{ product }}"}}',
        }
    )
    settings_changed()
    effective = get_settings()

    assert effective.GRACE_DAYS == 5
    assert effective.SUSPENSION_WARNING_DAYS_BEFORE == 3
    assert effective.TERMINATE_CANCELLED_AFTER_DAYS is None
    assert effective.REMINDER_DAYS_BEFORE == (14, 1)
    assert effective.OWNER_REMOVED_KEEP_EMAIL is True
    assert effective.STAFF_ALERT_RECIPIENTS == ("ops@example.com", "owner@example.com")
    assert effective.email_template("cancelled", "subject") == "Bye {{ product }}"


def test_a_saved_change_is_seen_at_once_by_the_process_that_saved_it(stored):
    assert get_settings().GRACE_DAYS == 3
    stored["GRACE_DAYS"] = "10"
    settings_changed()  # what the plugin's save does
    assert get_settings().GRACE_DAYS == 10


@pytest.mark.parametrize(
    ("stored", "named"),
    [
        ({"GRACE_DAYS": "three"}, "GRACE_DAYS"),
        ({"GRACE_DAYS": "-1"}, "GRACE_DAYS"),
        ({"REMINDER_DAYS_BEFORE": "7, x"}, "REMINDER_DAYS_BEFORE"),
        ({"OWNER_REMOVED_POLICY": "DELETE"}, "OWNER_REMOVED_POLICY"),
        ({"OWNER_REMOVED_KEEP_EMAIL": "maybe"}, "OWNER_REMOVED_KEEP_EMAIL"),
        ({"EMAIL_PORT": "70000"}, "EMAIL_PORT"),
        ({"EMAIL_HOST": "smtp.example.com"}, "EMAIL_SENDER_ADDRESS"),
        ({"EMAIL_SENDER_ADDRESS": "not an address"}, "EMAIL_SENDER_ADDRESS"),
        ({"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"}, "EMAIL_USE_SSL"),
        ({"STAFF_ALERT_RECIPIENTS": "ops@example.com, nobody"}, "STAFF_ALERT_RECIPIENTS"),
        ({"EMAIL_TEMPLATES": "{not json"}, "EMAIL_TEMPLATES"),
        ({"EMAIL_TEMPLATES": '{"nope": {"subject": "x"}}'}, "EMAIL_TEMPLATES"),
        ({"EMAIL_TEMPLATES": '{"cancelled": {"subject": "{% if %}"}}'}, "EMAIL_TEMPLATES"),
        ({"PROVISIONER_WEBHOOK_TIMEOUT": "0"}, "PROVISIONER_WEBHOOK_TIMEOUT"),
    ],
)
def test_bad_stored_values_are_refused_naming_the_key(stored, named):
    with pytest.raises(ImproperlyConfigured, match=named):
        clean_stored_settings(stored)


def test_keys_that_change_what_the_deploy_runs_stay_in_code(stored):
    # (An older version's field left in the store is ignored, not an error.)
    assert clean_stored_settings({"PROVISIONER": "some.Class", "ENCRYPTION_KEY": "k"}) == {}


def test_a_stored_value_saved_before_a_rule_tightened_leaves_the_code_s_value(stored, caplog):
    stored["GRACE_DAYS"] = "9999"
    settings_changed()
    assert get_settings().GRACE_DAYS == 3
    assert "Ignoring the stored configuration" in caplog.text


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ({"EMAIL_MAX_ATTEMPTS": 0}, "EMAIL_MAX_ATTEMPTS"),
        ({"STAFF_ALERT_RECIPIENTS": ["x"]}, "STAFF_ALERT_RECIPIENTS"),
        ({"EMAIL_HOST": "smtp.example.com"}, "EMAIL_SENDER_ADDRESS"),
        ({"EMAIL_TEMPLATES": {"cancelled": {"body": "x"}}}, "EMAIL_TEMPLATES"),
    ],
)
def test_the_code_s_e_mail_settings_fail_at_start_up(settings, raw, named):
    from saleor_services.conf import load_settings

    settings.SALEOR_SERVICES = raw
    with pytest.raises(ImproperlyConfigured, match=named):
        load_settings()
