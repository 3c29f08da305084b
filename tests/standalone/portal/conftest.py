import pytest

from saleor_services.portal_access import portal_link_create

PORTAL = "/portal/"


def enter(client, user, **target):
    """Sign `client` in as a storefront would send the customer: a link, then its URL."""
    link = portal_link_create(user=user, return_url="https://shop.example.com/account", **target)
    return client.get(f"{PORTAL}enter/{link.token}/")


@pytest.fixture
def signed_in(client, customer):
    response = enter(client, customer)
    assert response.status_code == 302
    return client
