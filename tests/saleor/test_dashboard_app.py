"""The Dashboard extension inside Saleor: manifest, install command, plugin route."""

import pytest

pytest.importorskip("saleor")

from django.core.management import call_command  # noqa: E402

from saleor_services.dashboard.manifest import APP_ID  # noqa: E402
from saleor_services.saleor.app_install import clean, manifest_for_url  # noqa: E402

KNOWN = {
    ("NAVIGATION_CUSTOMERS", "APP_PAGE"), ("NAVIGATION_ORDERS", "APP_PAGE"), ("CUSTOMER_DETAILS_WIDGETS", "WIDGET"),
}


@pytest.mark.django_db
def test_manifest_passes_saleors_cleaning_with_known_mounts_only():
    cleaned = clean(manifest_for_url("https://shop.example"))
    # The App opens renewal checkouts with a custom price (HANDLE_CHECKOUTS); its
    # extensions need no more than MANAGE_ORDERS.
    assert sorted(p.codename for p in cleaned["permissions"]) == ["handle_checkouts", "manage_orders"]
    assert all([p.codename for p in e["permissions"]] == ["manage_orders"] for e in cleaned["extensions"])
    assert {(e["mount"], e["target"]) for e in cleaned["extensions"]} == {
        (mount.lower(), target.lower()) for mount, target in KNOWN
    }
    # Only mounts and targets the Dashboard knows: the last lists Saleor's migrations fixed
    # (the columns are free text since; the Dashboard still knows only these).
    import importlib

    def choices(migration, field):
        module = importlib.import_module(f"saleor.app.migrations.{migration}")
        [operation] = [o for o in module.Migration.operations if getattr(o, "name", None) == field]
        return {value for value, _ in operation.field.choices}

    known_mounts = choices("0034_alter_appextension_mount", "mount")
    known_targets = choices("0032_appextension_http_target_method_and_more", "target")
    assert all(m.lower() in known_mounts and t.lower() in known_targets for m, t in KNOWN)


@pytest.mark.django_db
def test_install_command_is_idempotent():
    from saleor.app.models import App

    call_command("services_install_app", url="https://shop.example")
    call_command("services_install_app", url="https://shop.example")

    [app] = App.objects.filter(identifier=APP_ID)
    assert app.is_active and app.is_installed
    assert sorted(p.codename for p in app.permissions.all()) == ["handle_checkouts", "manage_orders"]
    # appUrl is the app's root; the Dashboard joins each extension's path to it.
    assert app.app_url == "https://shop.example/plugins/global/saleor_services/dashboard"
    assert sorted((e.mount, e.target, e.url) for e in app.extensions.all()) == sorted([
        ("navigation_customers", "app_page", "/services"),
        ("navigation_orders", "app_page", "/cancellation-requests"),
        ("customer_details_widgets", "widget", "/widgets/customer"),
    ])
    assert all([p.codename for p in e.permissions.all()] == ["manage_orders"] for e in app.extensions.all())


@pytest.mark.django_db
def test_plugin_route_serves_manifest_and_app(client, channel_USD):
    manifest = client.get("/plugins/global/saleor_services/manifest")
    assert manifest.status_code == 200
    assert manifest.json()["id"] == APP_ID
    assert manifest.json()["permissions"] == ["MANAGE_ORDERS", "HANDLE_CHECKOUTS"]
    # The app's root (appUrl, no trailing slash), its pages and deep links.
    for path in ("dashboard", "dashboard/", "dashboard/services", "dashboard/services/U2VydmljZTox"):
        page = client.get(f"/plugins/global/saleor_services/{path}")
        assert page.status_code == 200, path
        assert b'<base href="/plugins/global/saleor_services/dashboard/">' in page.content
    assert client.get("/plugins/global/saleor_services/dashboard/../../../etc/passwd").status_code in (404, 200)
    assert client.get("/plugins/global/saleor_services/nothing").status_code == 404


@pytest.mark.django_db
def test_the_app_lives_in_the_package_namespace_and_an_old_install_is_adopted():
    from saleor.app.models import App

    assert not APP_ID.startswith("saleor.")
    old = App.objects.create(identifier="saleor.services", name="Services", is_active=True)

    call_command("services_install_app", url="https://shop.example")

    [app] = App.objects.filter(identifier__in=[APP_ID, "saleor.services"])
    assert (app.pk, app.identifier) == (old.pk, APP_ID)


@pytest.mark.django_db
def test_the_install_command_says_what_it_needs_without_a_url(settings):
    from django.core.management import CommandError

    settings.PUBLIC_URL = None
    with pytest.raises(CommandError, match="--url"):
        call_command("services_install_app")
