"""The manifest's tokenTargetUrl (…/register): Saleor's install-from-manifest hands the App its token."""

import pytest

pytest.importorskip("saleor")

from saleor_services.dashboard.manifest import APP_ID  # noqa: E402
from saleor_services.saleor.app_register import REGISTRATION_KEY, own_api_url  # noqa: E402

REGISTER = "/plugins/global/saleor_services/register"


def _installed_by_saleor(identifier=APP_ID):
    """What Saleor's install_app has done when it POSTs the token: the App and its token."""
    from saleor.app.models import App

    app = App.objects.create(name="Services", identifier=identifier, is_active=True, is_installed=False)
    _, raw_token = app.tokens.create(name="Default token")
    return app, raw_token


def _post(client, token, api_url=None, **extra):
    headers = {"Saleor-Api-Url": api_url if api_url is not None else own_api_url(), "Saleor-Domain": "shop.example"}
    return client.post(
        REGISTER, data={"auth_token": token} if token is not None else {},
        content_type="application/json", headers={**headers, **extra},
    )


@pytest.mark.django_db
def test_the_token_of_the_services_app_registers_it_once(client):
    app, raw_token = _installed_by_saleor()

    first = _post(client, raw_token)
    assert (first.status_code, first.json()) == (200, {"success": True})
    app.refresh_from_db()
    registration = app.get_value_from_private_metadata(REGISTRATION_KEY)
    assert registration == {"tokenId": app.tokens.get().pk, "saleorApiUrl": own_api_url()}
    assert raw_token not in str(app.private_metadata) and raw_token not in str(app.metadata)

    # Saleor retrying (or a second POST) changes nothing.
    _, later_token = app.tokens.create(name="Another")
    again = _post(client, later_token)
    assert (again.status_code, again.json()) == (200, {"success": True})
    app.refresh_from_db()
    assert app.get_value_from_private_metadata(REGISTRATION_KEY) == registration


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("other app's token", 403, "UNKNOWN_APP"),
        ("made-up token", 403, "UNKNOWN_APP"),
        ("no token", 400, "MISSING_AUTH_TOKEN"),
        ("no api url", 400, "MISSING_SALEOR_API_URL_HEADER"),
        ("another saleor", 403, "SALEOR_URL_PROHIBITED"),
    ],
)
def test_a_token_this_saleor_did_not_issue_to_the_app_is_refused(client, case, status, code):
    app, raw_token = _installed_by_saleor()
    _, foreign_token = _installed_by_saleor(identifier="someone.else")[0].tokens.create(name="x")
    token, api_url = {
        "other app's token": (foreign_token, None),
        "made-up token": ("x" * 26 + raw_token[-4:], None),
        "no token": (None, None),
        "no api url": (raw_token, ""),
        "another saleor": (raw_token, "https://elsewhere.example/graphql/"),
    }[case]

    response = _post(client, token, api_url=api_url)

    assert response.status_code == status
    body = response.json()
    assert body["success"] is False and body["error"]["code"] == code
    assert body["error"]["message"].endswith(".")  # what Saleor shows the staff member
    app.refresh_from_db()
    assert app.get_value_from_private_metadata(REGISTRATION_KEY) is None


@pytest.mark.django_db
def test_register_answers_only_posts(client):
    response = client.get(REGISTER)
    assert response.status_code == 405 and response.json()["success"] is False


@pytest.fixture
def replica_mirrors_default():
    from django.db import connections

    replica = connections.settings["replica"]
    original = replica["NAME"]
    replica["NAME"] = connections["default"].settings_dict["NAME"]
    yield
    replica["NAME"] = original


@pytest.mark.django_db(transaction=True)
def test_saleors_install_from_manifest_installs_the_app_exactly_once(
    replica_mirrors_default, live_server, settings, staff_user, permission_manage_orders
):
    """Saleor's own installation (what the Dashboard's "Install from manifest" starts):
    it fetches the manifest over HTTP, creates the App and POSTs its token to …/register."""
    from saleor.app.models import App, AppInstallation
    from saleor.app.tasks import install_app_task
    from saleor.core import JobStatus
    from saleor.permission.models import Permission

    settings.PUBLIC_URL = live_server.url
    installation = AppInstallation.objects.create(
        app_name="Services", manifest_url=f"{live_server.url}/plugins/global/saleor_services/manifest"
    )
    installation.permissions.set(Permission.objects.filter(codename__in=["manage_orders", "handle_checkouts"]))

    install_app_task(installation.pk, activate=True)

    assert not AppInstallation.objects.filter(pk=installation.pk, status=JobStatus.FAILED).exists(), (
        AppInstallation.objects.get(pk=installation.pk).message
    )
    [app] = App.objects.filter(identifier=APP_ID)
    assert app.is_installed and app.is_active
    assert app.get_value_from_private_metadata(REGISTRATION_KEY)["tokenId"] == app.tokens.get().pk
    assert app.app_url == f"{live_server.url}/plugins/global/saleor_services/dashboard"
    assert sorted((e.target, e.url) for e in app.extensions.all()) == [
        ("app_page", "/cancellation-requests"), ("app_page", "/services"), ("widget", "/widgets/customer"),
    ]

    # Installing again is Saleor's refusal (same identifier), not a second App.
    again = AppInstallation.objects.create(app_name="Services", manifest_url=installation.manifest_url)
    install_app_task(again.pk, activate=True)
    again.refresh_from_db()
    assert again.status == JobStatus.FAILED and "already installed" in again.message
    assert App.objects.filter(identifier=APP_ID).count() == 1
