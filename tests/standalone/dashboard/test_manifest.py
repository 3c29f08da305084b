from saleor_services.dashboard.manifest import build_manifest

KNOWN = {
    ("NAVIGATION_CUSTOMERS", "APP_PAGE"), ("NAVIGATION_ORDERS", "APP_PAGE"), ("CUSTOMER_DETAILS_WIDGETS", "WIDGET"),
}
ROOT = "https://shop.example/plugins/global/saleor_services/dashboard"


def _manifest():
    return build_manifest(app_url=f"{ROOT}/", token_target_url="https://shop.example/plugins/global/saleor_services/register")


def url_join(*parts):
    """The Dashboard's `url-join` for paths: one slash between the parts."""
    return "/".join(part.strip("/") for part in parts if part.strip("/"))


def framed_app_page(manifest, dashboard_path):
    """What the Dashboard frames for /extensions/app/<id><subpath> (its AppPage)."""
    return url_join(manifest["appUrl"], dashboard_path.removeprefix("/extensions/app/QXBwOjE="))


def framed_widget(manifest, extension):
    """A WIDGET's relative url is appended to appUrl as a string (AppWidgetExtensionItem)."""
    return f"{manifest['appUrl']}{extension['url']}"


def test_manifest_uses_known_mounts_and_only_manage_orders():
    manifest = _manifest()
    assert manifest["permissions"] == ["MANAGE_ORDERS"]
    assert {(e["mount"], e["target"]) for e in manifest["extensions"]} == KNOWN
    assert all(e["permissions"] == ["MANAGE_ORDERS"] for e in manifest["extensions"])


def test_app_page_urls_are_paths_relative_to_the_app_root():
    """The Dashboard's manifest schema: an APP_PAGE url starts with "/"; an absolute one
    was URL-joined to appUrl and framed the app's URL twice."""
    manifest = _manifest()
    assert manifest["appUrl"] == ROOT
    urls = {e["label"] + " " + e["target"]: e["url"] for e in manifest["extensions"]}
    assert urls == {
        "Services APP_PAGE": "/services",
        "Cancellation requests APP_PAGE": "/cancellation-requests",
        "Services WIDGET": "/widgets/customer",
    }
    for extension in manifest["extensions"]:
        assert extension["url"].startswith("/") and "://" not in extension["url"]


def test_navigation_reload_and_deep_links_frame_the_same_page():
    manifest = _manifest()
    pages = {e["url"]: e for e in manifest["extensions"] if e["target"] == "APP_PAGE"}
    # A navigation entry opens /extensions/app/<id><url>; reloading it frames the same page.
    for url in pages:
        assert framed_app_page(manifest, f"/extensions/app/QXBwOjE={url}") == f"{ROOT}{url}"
    # The app reports its route (updateRouting); a reload of that URL frames it again.
    assert framed_app_page(manifest, "/extensions/app/QXBwOjE=/services/U2VydmljZTox") == (
        f"{ROOT}/services/U2VydmljZTox"
    )
    # Extensions → Installed opens the app's root.
    assert framed_app_page(manifest, "/extensions/app/QXBwOjE=") == ROOT
    [widget] = [e for e in manifest["extensions"] if e["target"] == "WIDGET"]
    assert framed_widget(manifest, widget) == f"{ROOT}/widgets/customer"
