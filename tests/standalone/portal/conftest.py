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


def open_renewal(service, *, payment_url="https://shop.example.com/default-channel/checkout?checkout=abc"):
    """The open renewal the daily run issues, with the link its billing document gives."""
    from datetime import timedelta

    from saleor_services.models import Renewal

    return Renewal.objects.create(
        service=service,
        period_start=service.next_due_date,
        period_end=service.next_due_date + timedelta(days=30),
        amount=service.recurring_amount,
        currency=service.currency,
        due_date=service.next_due_date,
        payment_url=payment_url,
    )


def text(response) -> str:
    return response.content.decode()
