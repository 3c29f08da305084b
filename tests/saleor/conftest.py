"""Saleor tier: runs under `--ds=saleor.tests.settings` with Saleor's fixtures (see the
root conftest). Saleor's test settings set PLUGINS = [], so the plugin is put back."""

import pytest

PLUGIN_PATH = "saleor_services.saleor.plugin.ServicesPlugin"


@pytest.fixture(autouse=True)
def services_plugin(settings):
    settings.PLUGINS = [PLUGIN_PATH]
    return PLUGIN_PATH


@pytest.fixture
def manage_orders_staff(staff_api_client, permission_group_manage_orders):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    return staff_api_client
