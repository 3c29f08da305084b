"""E-mail links land on the sign-in page: the host's login, then the page asked for."""

from saleor_services.models import PortalSession

from ..conftest import PASSWORD
from .conftest import PORTAL, text


def test_signing_in_returns_to_the_page_asked_for(client, customer, make_service):
    service = make_service()
    target = f"{PORTAL}services/{service.pk}/"
    page = client.get(f"{PORTAL}sign-in/", {"next": target})
    assert page.status_code == 200 and f'value="{target}"' in text(page)
    response = client.post(f"{PORTAL}sign-in/", {"email": "customer@example.com", "password": PASSWORD, "next": target})
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target).status_code == 200


def test_a_wrong_password_opens_nothing(client, customer):
    response = client.post(f"{PORTAL}sign-in/", {"email": "customer@example.com", "password": "wrong"})
    assert response.status_code == 400
    assert "The e-mail address or password is incorrect." in text(response)
    assert not PortalSession.objects.exists()


def test_next_outside_the_portal_is_ignored(client, customer):
    for outside in ("https://evil.example.net/", "//evil.example.net/", "/admin/", "/portal//evil.example.net"):
        form = {"email": "customer@example.com", "password": PASSWORD, "next": outside}
        response = client.post(f"{PORTAL}sign-in/", form)
        assert response["Location"] == f"{PORTAL}services/", outside
