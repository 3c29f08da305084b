"""The Saleor App manifest of the extension: known mounts and targets, MANAGE_ORDERS only."""

from importlib.metadata import PackageNotFoundError, version

# In the package's own namespace: "saleor." is where Saleor's official apps live.
APP_ID = "saleor-services.app"
# Identifiers earlier releases installed the App under; the install command adopts them.
LEGACY_APP_IDS = ("saleor.services",)
APP_NAME = "Services"
PERMISSIONS = ["MANAGE_ORDERS"]

# (label, mount, target, path inside the app)
EXTENSIONS = [
    ("Services", "NAVIGATION_CUSTOMERS", "APP_PAGE", "/services"),
    ("Cancellation requests", "NAVIGATION_ORDERS", "APP_PAGE", "/cancellation-requests"),
    ("Services", "CUSTOMER_DETAILS_WIDGETS", "WIDGET", "/widgets/customer"),
]


def package_version() -> str:
    try:
        return version("saleor-services")
    except PackageNotFoundError:  # running from a source tree
        return "0.0.0"


def build_manifest(*, app_url: str, token_target_url: str) -> dict:
    """`app_url` is the extension's root URL, ending with a slash."""
    root = app_url.rstrip("/")
    return {
        "id": APP_ID,
        "version": package_version(),
        "name": APP_NAME,
        "about": "Service and subscription management: services, renewals, cancellations, plans.",
        "permissions": PERMISSIONS,
        "appUrl": f"{root}/services",
        "tokenTargetUrl": token_target_url,
        "author": "saleor-services",
        "extensions": [
            {
                "label": label,
                "mount": mount,
                "target": target,
                "permissions": PERMISSIONS,
                "url": f"{root}{path}",
            }
            for label, mount, target, path in EXTENSIONS
        ],
        "webhooks": [],
    }
