from saleor_services.dashboard.manifest import build_manifest

KNOWN = {
    ("NAVIGATION_CUSTOMERS", "APP_PAGE"), ("NAVIGATION_ORDERS", "APP_PAGE"), ("CUSTOMER_DETAILS_WIDGETS", "WIDGET"),
}


def test_manifest_uses_known_mounts_and_only_manage_orders():
    manifest = build_manifest(app_url="https://shop.example/plugins/global/saleor_services/dashboard/",
                              token_target_url="https://shop.example/plugins/global/saleor_services/register")
    assert manifest["permissions"] == ["MANAGE_ORDERS"]
    assert {(e["mount"], e["target"]) for e in manifest["extensions"]} == KNOWN
    assert all(e["permissions"] == ["MANAGE_ORDERS"] for e in manifest["extensions"])
    assert manifest["appUrl"] == "https://shop.example/plugins/global/saleor_services/dashboard/services"
    assert {e["url"] for e in manifest["extensions"]} == {
        "https://shop.example/plugins/global/saleor_services/dashboard/services",
        "https://shop.example/plugins/global/saleor_services/dashboard/cancellation-requests",
        "https://shop.example/plugins/global/saleor_services/dashboard/widgets/customer",
    }
