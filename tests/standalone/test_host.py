"""The host is chosen once, at start-up, by the host's own AppConfig."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from saleor_services import host
from standalone.host import StandaloneHost


def test_the_standalone_host_registered_itself_at_start_up():
    assert isinstance(host.get_host(), StandaloneHost)


def test_registering_the_same_host_again_changes_nothing():
    registered = host.get_host()
    host.register_host(StandaloneHost())
    assert type(host.get_host()) is type(registered)


def test_a_second_kind_of_host_is_refused(monkeypatch):
    class OtherHost:
        pass

    with pytest.raises(ImproperlyConfigured, match="already StandaloneHost"):
        host.register_host(OtherHost())
    assert isinstance(host.get_host(), StandaloneHost)


def test_without_a_host_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setattr(host, "_registered", None)
    with pytest.raises(ImproperlyConfigured, match="SaleorServicesConfig"):
        host.get_host()


def test_the_install_command_explains_it_needs_saleor():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="installs the Services App into Saleor"):
        call_command("services_install_app")
