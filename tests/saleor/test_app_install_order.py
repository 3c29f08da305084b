"""The package's own App and the Dashboard's install-from-manifest, in either order.

The package needs an App to open renewal checkouts; the store installs the Services App
from the Dashboard whenever it likes. Before the install the package acts as an internal
App of its own identifier; Saleor then installs the Services App (it refuses a manifest
whose id an App already carries), the package acts as that one, and the internal App
is deactivated."""

import pytest

pytest.importorskip("saleor")

from saleor_services.dashboard.manifest import APP_ID  # noqa: E402
from saleor_services.saleor.app_api import INTERNAL_APP_ID, services_app  # noqa: E402
from saleor_services.saleor.app_register import REGISTRATION_KEY  # noqa: E402

from .storefront import gid, issue_renewal, pay_and_complete  # noqa: E402

FETCH_MANIFEST = """mutation($url: String!) { appFetchManifest(manifestUrl: $url) {
  manifest { identifier permissions { code } } errors { field code message } } }"""
PACKAGE_PERMISSIONS = {"manage_orders", "handle_checkouts"}


@pytest.fixture
def replica_mirrors_default():
    from django.db import connections

    replica = connections.settings["replica"]
    original = replica["NAME"]
    replica["NAME"] = connections["default"].settings_dict["NAME"]
    yield
    replica["NAME"] = original


@pytest.fixture
def dashboard_install(live_server, settings, staff_api_client, permission_manage_apps):
    """What the Dashboard's "Install from manifest" does: `appFetchManifest` (where Saleor
    shows "already installed"), then `appInstall`, whose job runs Saleor's install_app:
    the App is created and its token POSTed to the manifest's tokenTargetUrl."""
    from saleor.app.models import App, AppInstallation
    from saleor.app.tasks import install_app_task
    from saleor.core import JobStatus
    from saleor.permission.models import Permission

    settings.PUBLIC_URL = live_server.url
    manifest_url = f"{live_server.url}/plugins/global/saleor_services/manifest"

    def install():
        staff_api_client.user.user_permissions.add(permission_manage_apps)
        response = staff_api_client.post_graphql(FETCH_MANIFEST, {"url": manifest_url})
        fetched = response.json()["data"]["appFetchManifest"]
        assert fetched["errors"] == [], fetched["errors"]
        assert fetched["manifest"]["identifier"] == APP_ID
        installation = AppInstallation.objects.create(app_name="Services", manifest_url=manifest_url)
        codes = [permission["code"].lower() for permission in fetched["manifest"]["permissions"]]
        installation.permissions.set(Permission.objects.filter(codename__in=codes))
        install_app_task(installation.pk, activate=True)
        failed = AppInstallation.objects.filter(pk=installation.pk, status=JobStatus.FAILED).first()
        assert failed is None, failed.message
        [app] = App.objects.filter(identifier=APP_ID)
        return app

    return install


def _assert_one_acting_app(app):
    from saleor.app.models import App

    app.refresh_from_db()
    assert app.is_installed and app.is_active and app.removed_at is None
    assert app.get_value_from_private_metadata(REGISTRATION_KEY)["tokenId"] == app.tokens.get().pk
    assert set(app.permissions.values_list("codename", flat=True)) == PACKAGE_PERMISSIONS
    assert [a.pk for a in App.objects.filter(identifier=APP_ID, is_active=True)] == [app.pk]
    assert not App.objects.filter(identifier=INTERNAL_APP_ID, is_active=True).exists()
    assert services_app().pk == app.pk


@pytest.mark.django_db(transaction=True)
def test_the_package_s_app_first_then_a_dashboard_install(
    replica_mirrors_default, dashboard_install, bought_service, api_client, payment_app_client,
    django_capture_on_commit_callbacks,
):
    from saleor.app.models import App

    # A renewal falls due before anyone installs the extension: the package opens its
    # checkout as its internal App, which the Dashboard's app list does not show.
    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    assert renewal.status == "OPEN" and renewal.checkout_id is not None
    [internal] = App.objects.filter(identifier=INTERNAL_APP_ID)
    assert internal.is_active and not internal.is_installed and not internal.tokens.exists()
    assert set(internal.permissions.values_list("codename", flat=True)) == PACKAGE_PERMISSIONS
    assert not App.objects.filter(identifier=APP_ID).exists()

    app = dashboard_install()

    internal.refresh_from_db()
    assert not internal.is_active  # stepped aside when the installed App registered
    _assert_one_acting_app(app)
    # The checkout the internal App opened is paid as any other: the renewal is settled.
    old_due = bought_service.next_due_date
    pay_and_complete(payment_app_client, api_client, gid("Checkout", renewal.checkout_id))
    renewal.refresh_from_db()
    bought_service.refresh_from_db()
    assert renewal.status == "PAID" and bought_service.next_due_date > old_due
    # And the next renewal opens its checkout as the installed App.
    nxt = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    assert nxt.status == "OPEN" and nxt.checkout_id is not None
    _assert_one_acting_app(app)


@pytest.mark.django_db(transaction=True)
def test_a_dashboard_install_first_then_the_package_acts_as_that_app(
    replica_mirrors_default, dashboard_install, bought_service, django_capture_on_commit_callbacks,
):
    from saleor.app.models import App

    app = dashboard_install()

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)

    assert renewal.status == "OPEN" and renewal.checkout_id is not None
    _assert_one_acting_app(app)
    assert not App.objects.filter(identifier=INTERNAL_APP_ID).exists()  # never needed


@pytest.mark.django_db
def test_removing_the_installed_app_brings_the_internal_one_back(permission_manage_orders):
    from django.utils import timezone
    from saleor.app.models import App

    internal = services_app()
    installed = App.objects.create(  # as an install makes it: from the manifest
        name="Services", identifier=APP_ID, is_active=True, is_installed=True,
        manifest_url="https://shop.example/plugins/global/saleor_services/manifest",
    )
    assert services_app().pk == installed.pk
    internal.refresh_from_db()
    assert not internal.is_active

    App.objects.filter(pk=installed.pk).update(removed_at=timezone.now(), is_active=False)  # appDelete

    assert services_app().pk == internal.pk
    internal.refresh_from_db()
    assert internal.is_active
    assert App.objects.filter(identifier=INTERNAL_APP_ID).count() == 1


@pytest.mark.django_db
def test_an_app_an_earlier_release_made_steps_aside_when_the_manifest_is_fetched(client, channel_USD):
    """Earlier releases made the package's App under the manifest's id; Saleor checks
    that id right after fetching the manifest, so serving it releases the id."""
    from saleor.app.manifest_validations import clean_manifest_data
    from saleor.app.models import App

    old = App.objects.create(name="Services", identifier=APP_ID, is_active=True)  # no manifest URL, no token
    installed_elsewhere = App.objects.create(
        name="Other", identifier="someone.else", is_active=True, manifest_url="https://x.example/manifest"
    )

    manifest = client.get("/plugins/global/saleor_services/manifest").json()

    old.refresh_from_db()
    assert (old.identifier, old.is_installed) == (INTERNAL_APP_ID, False)
    installed_elsewhere.refresh_from_db()
    assert installed_elsewhere.identifier == "someone.else"
    clean_manifest_data(manifest)  # no "App with the same identifier is already installed"
    assert services_app().pk == old.pk
