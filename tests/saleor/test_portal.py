"""The customer portal inside Saleor: a link made with a real customer token through
Saleor's /graphql/, the portal under the plugin's route, Saleor's login, and a Pay link
that is the renewal's Saleor checkout."""

import re

import pytest

pytest.importorskip("saleor")

from django.test import Client, override_settings  # noqa: E402

from saleor_services.conf import get_settings  # noqa: E402
from saleor_services.models import PortalSession, Service  # noqa: E402

from .storefront import checkout_of, gid, issue_renewal, payload  # noqa: E402

PORTAL = "/plugins/global/saleor_services/portal/"
SESSION_CREATE = """mutation($returnUrl: String!, $target: ServicePortalTargetInput) {
  servicePortalSessionCreate(returnUrl: $returnUrl, target: $target) { url expiresAt errors { field code } } }"""


@pytest.fixture
def storefront_hosts(settings):
    settings.ALLOWED_CLIENT_HOSTS = ["shop.example"]


def _portal_path(user_api_client, **target) -> str:
    data = payload(
        user_api_client.post_graphql(
            SESSION_CREATE, {"returnUrl": "https://shop.example/account", "target": target or None}
        ),
        "servicePortalSessionCreate",
    )
    path = re.sub(r"^https?://[^/]+", "", data["url"])
    assert path.startswith(f"{PORTAL}enter/")
    return path


@pytest.mark.django_db
def test_a_customer_token_opens_the_portal_once(storefront_hosts, bought_service, user_api_client, client):
    path = _portal_path(user_api_client, action="SERVICE", service=gid("Service", bought_service.pk))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{PORTAL}services/{bought_service.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert bought_service.product_name in page.content.decode()
    assert PortalSession.objects.get().user == user_api_client.user
    client.cookies.clear()
    assert client.get(path).status_code == 410


@pytest.mark.django_db
def test_a_return_url_outside_allowed_client_hosts_is_refused(storefront_hosts, user_api_client):
    response = user_api_client.post_graphql(SESSION_CREATE, {"returnUrl": "https://evil.example/"})
    data = response.json()["data"]["servicePortalSessionCreate"]
    assert data["url"] is None and data["errors"] == [{"field": "returnUrl", "code": "INVALID"}]


@pytest.mark.django_db
def test_the_portals_actions_reach_the_same_services(storefront_hosts, bought_service, user_api_client, client):
    client.get(_portal_path(user_api_client))
    response = client.post(f"{PORTAL}services/{bought_service.pk}/pause/", {})
    assert response.status_code == 302
    service = Service.objects.get(pk=bought_service.pk)
    assert service.status == "PAUSED"
    event = service.events.order_by("pk").last()
    assert (event.type, event.actor_type, event.user_id) == ("PAUSED", "CUSTOMER", user_api_client.user.pk)
    client.post(f"{PORTAL}services/{bought_service.pk}/resume/")
    assert Service.objects.get(pk=bought_service.pk).status == "ACTIVE"


@pytest.mark.django_db
def test_sign_in_uses_saleors_login_and_its_throttling(bought_service, customer, client):
    target = f"{PORTAL}services/{bought_service.pk}/"
    assert client.get(target)["Location"].startswith(f"{PORTAL}sign-in/")
    response = client.post(f"{PORTAL}sign-in/", {"email": customer.email, "password": "password", "next": target})
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target).status_code == 200

    other = Client()
    refused = other.post(f"{PORTAL}sign-in/", {"email": customer.email, "password": "wrong", "next": target})
    assert refused.status_code == 400
    # Saleor's throttling holds this IP back after a failure, even with the right password.
    throttled = other.post(f"{PORTAL}sign-in/", {"email": customer.email, "password": "password", "next": target})
    assert throttled.status_code == 400
    assert PortalSession.objects.count() == 1


@pytest.mark.django_db
def test_the_pay_link_is_the_renewals_payable_checkout(
    storefront_hosts, bought_service, user_api_client, client, api_client, django_capture_on_commit_callbacks
):
    templates = {"*": "https://shop.example/{channel}/checkout?checkout={checkout_id}"}
    with override_settings(SALEOR_SERVICES={"PAYMENT_URL_TEMPLATES": templates}):
        get_settings.cache_clear()
        renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    get_settings.cache_clear()
    checkout_id = gid("Checkout", renewal.checkout_id)
    assert renewal.payment_url.endswith(f"checkout={checkout_id}")

    client.get(_portal_path(user_api_client, action="PAY", service=gid("Service", bought_service.pk)))
    page = client.get(f"{PORTAL}services/{bought_service.pk}/").content.decode()
    assert f'href="{renewal.payment_url}" data-testid="pay-renewal"' in page
    pay = client.get(f"{PORTAL}services/{bought_service.pk}/pay/")
    assert pay.status_code == 302 and pay["Location"] == renewal.payment_url
    # What the link opens is a checkout Saleor will take payment for.
    assert checkout_of(api_client, checkout_id)["totalPrice"]["gross"]["amount"] == float(renewal.amount)
