"""The Saleor App manifest of the extension: known mounts and targets, MANAGE_ORDERS only."""

from importlib.metadata import PackageNotFoundError, version

# In the package's own namespace: "saleor." is where Saleor's official apps live.
APP_ID = "saleor-services.app"
# Identifiers earlier releases installed the App under; the install command adopts them.
LEGACY_APP_IDS = ("saleor.services",)
APP_NAME = "Services"
PERMISSIONS = ["MANAGE_ORDERS"]

# (label, mount, target, path inside the app). The Dashboard joins each path to appUrl:
# an APP_PAGE opens /extensions/app/<id><path> and frames appUrl + path (its manifest
# schema requires the leading "/"); a WIDGET frames appUrl + path.
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
    """`app_url` is the extension's root URL (with or without its trailing slash).

    appUrl is that root, so a reload or a deep link (/extensions/app/<id>/services/<id>)
    frames root + the same path; without the trailing slash, because the Dashboard
    concatenates a widget's path to it as a plain string.
    """
    root = app_url.rstrip("/")
    return {
        "id": APP_ID,
        "version": package_version(),
        "name": APP_NAME,
        "about": "Service and subscription management: services, renewals, cancellations, plans.",
        "permissions": PERMISSIONS,
        "appUrl": root,
        "tokenTargetUrl": token_target_url,
        "author": "saleor-services",
        "extensions": [
            {
                "label": label,
                "mount": mount,
                "target": target,
                "permissions": PERMISSIONS,
                "url": path,
            }
            for label, mount, target, path in EXTENSIONS
        ],
        "webhooks": [],
    }
