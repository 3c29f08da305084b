from datetime import time

import pytest
from django.core.exceptions import ImproperlyConfigured

from saleor_services.conf import ServicesSettings, clean_automation_overrides, get_settings


def test_defaults_are_the_designed_ones(settings):
    settings.SALEOR_SERVICES = {}
    assert get_settings() == ServicesSettings()
    assert get_settings().RENEWAL_DAYS_BEFORE == 7
    assert get_settings().REMINDER_DAYS_BEFORE == (7, 1)
    assert get_settings().GRACE_DAYS == 3
    assert get_settings().TERMINATE_SUSPENDED_AFTER_DAYS == 14
    assert get_settings().TERMINATE_CANCELLED_AFTER_DAYS == 30


def test_overrides_are_read_once_and_typed(settings):
    settings.SALEOR_SERVICES = {
        "GRACE_DAYS": 0,
        "TERMINATE_CANCELLED_AFTER_DAYS": None,
        "REMINDER_DAYS_BEFORE": [1, 14, 3, 3],
        "AUTOMATION_TIME": "04:30",
    }
    loaded = get_settings()
    assert loaded.GRACE_DAYS == 0
    assert loaded.TERMINATE_CANCELLED_AFTER_DAYS is None
    assert loaded.REMINDER_DAYS_BEFORE == (14, 3, 1)
    assert loaded.AUTOMATION_TIME == time(4, 30)
    assert get_settings() is loaded


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ({"GRACE_DAYS": "3"}, "GRACE_DAYS"),
        ({"GRACE_DAYS": -1}, "GRACE_DAYS"),
        ({"GRACE_DAYS": True}, "GRACE_DAYS"),
        ({"RENEWAL_DAYS_BEFORE": 7.5}, "RENEWAL_DAYS_BEFORE"),
        ({"REMINDER_DAYS_BEFORE": 7}, "REMINDER_DAYS_BEFORE"),
        ({"REMINDER_DAYS_BEFORE": [7, None]}, "REMINDER_DAYS_BEFORE"),
        ({"AUTOMATION_TIME": "25:00"}, "AUTOMATION_TIME"),
        ({"PROVISIONER": ""}, "PROVISIONER"),
        ({"ENCRYPTION_KEY": 42}, "ENCRYPTION_KEY"),
        ({"ENCRYPTION_KEYS": "one key"}, "ENCRYPTION_KEYS"),
        ({"ENCRYPTION_KEYS": []}, "ENCRYPTION_KEYS"),
        ({"ENCRYPTION_KEYS": ["a key", ""]}, r"ENCRYPTION_KEYS'\]\[1\]"),
        ({"ENCRYPTION_KEYS": ["a key", 42]}, r"ENCRYPTION_KEYS'\]\[1\]"),
        ({"ENCRYPTION_KEYS": ["a key", "a key"]}, r"ENCRYPTION_KEYS'\]\[1\]"),
        ({"ENCRYPTION_KEYS": ["a key"], "ENCRYPTION_KEY": "b key"}, "ENCRYPTION_KEYS"),
        ({"CANCELLATION_REASON_MAX_LENGTH": 0}, "CANCELLATION_REASON_MAX_LENGTH"),
        ({"GRACE_DAY": 3}, "GRACE_DAY"),
    ],
)
def test_wrong_values_fail_naming_the_key(settings, raw, named):
    settings.SALEOR_SERVICES = raw
    with pytest.raises(ImproperlyConfigured, match=named):
        get_settings()


def test_encryption_keys_first_encrypts_all_decrypt(settings):
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEYS": ["new key", "old key"]}
    assert get_settings().ENCRYPTION_KEYS == ("new key", "old key")
    settings.SALEOR_SERVICES = {"ENCRYPTION_KEY": "only key"}
    assert get_settings().ENCRYPTION_KEYS == () and get_settings().ENCRYPTION_KEY == "only key"


def test_settings_must_be_a_dict(settings):
    settings.SALEOR_SERVICES = [("GRACE_DAYS", 3)]
    with pytest.raises(ImproperlyConfigured, match="SALEOR_SERVICES"):
        get_settings()


def test_start_up_fails_on_a_wrong_setting(tmp_path):
    """The app's ready() reads the settings, so a bad value stops `manage.py check`."""
    import os
    import subprocess
    import sys

    (tmp_path / "bad_settings.py").write_text(
        "from standalone.settings import *\nSALEOR_SERVICES = {'GRACE_DAYS': 'three'}\n"
    )
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "bad_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.getcwd()]),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SALEOR_SERVICES['GRACE_DAYS']" in result.stderr


def test_plan_overrides_accept_only_day_keys():
    assert clean_automation_overrides({"GRACE_DAYS": 10, "RENEWAL_DAYS_BEFORE": None}) == {
        "GRACE_DAYS": 10,
        "RENEWAL_DAYS_BEFORE": None,
    }
    with pytest.raises(ImproperlyConfigured, match="PROVISIONER"):
        clean_automation_overrides({"PROVISIONER": "x.y"})
