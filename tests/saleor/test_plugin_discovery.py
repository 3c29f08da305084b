import pytest

pytest.importorskip("saleor")

from django.conf import settings  # noqa: E402
from saleor.plugins.manager import get_plugins_manager  # noqa: E402

from saleor_services.saleor.plugin import ServicesPlugin  # noqa: E402

from .conftest import PLUGIN_PATH  # noqa: E402


def test_entry_point_installs_the_app_and_the_plugin():
    assert "saleor_services.saleor.apps.SaleorServicesConfig" in settings.INSTALLED_APPS
    assert PLUGIN_PATH in settings.EXTERNAL_PLUGINS


def test_the_saleor_host_is_registered_once_at_start_up():
    from django.apps import apps

    from saleor_services.host import get_host
    from saleor_services.saleor.apps import SaleorServicesConfig
    from saleor_services.saleor.host import SaleorHost

    assert isinstance(apps.get_app_config("saleor_services"), SaleorServicesConfig)
    assert isinstance(get_host(), SaleorHost)
    from saleor.celeryconf import app

    assert {"saleor_services.open_renewal_checkouts", "saleor_services.release_renewal_checkouts"} <= set(app.tasks)


@pytest.mark.django_db
def test_plugin_is_active_without_configuration(channel_USD):
    manager = get_plugins_manager(allow_replica=False)
    [plugin] = [p for p in manager.get_all_plugins() if isinstance(p, ServicesPlugin)]
    assert plugin.active
    assert manager.get_plugin(ServicesPlugin.PLUGIN_ID) is not None


def test_daily_automation_is_on_saleors_beat_schedule():
    from saleor.celeryconf import app

    from saleor_services.schedule import DAILY_AUTOMATION, EMAIL_SWEEP, STATUS_COUNTS

    assert app.conf.beat_schedule[DAILY_AUTOMATION]["task"] == "saleor_services.run_daily_automation"
    assert EMAIL_SWEEP in app.conf.beat_schedule
    app.loader.import_default_modules()  # what a worker does when it starts: autodiscovery
    assert "saleor_services.run_daily_automation" in app.tasks
    assert app.conf.beat_schedule[STATUS_COUNTS]["task"] in app.tasks
