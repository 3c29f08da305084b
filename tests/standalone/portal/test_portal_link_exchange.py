"""A portal link opens one session, once, for a few minutes; the session times out."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.models import PortalLink, PortalSession
from saleor_services.portal.session import COOKIE
from saleor_services.portal_access import (
    portal_link_create,
    portal_link_exchange,
    portal_session_get,
)

from .conftest import PORTAL, enter


def test_a_link_opens_one_session_and_only_its_hash_is_kept(customer):
    link = portal_link_create(user=customer, return_url="https://shop.example.com/")
    stored = PortalLink.objects.get()
    assert link.token not in stored.token_hash and len(stored.token_hash) == 64
    opened = portal_link_exchange(token=link.token)
    assert opened.session.user == customer
    assert opened.key not in PortalSession.objects.get().key_hash
    assert portal_session_get(key=opened.key).user == customer


def test_a_used_link_is_refused_and_opens_nothing(customer):
    link = portal_link_create(user=customer)
    portal_link_exchange(token=link.token)
    with pytest.raises(ServiceError) as refused:
        portal_link_exchange(token=link.token)
    assert refused.value.code == ServiceErrorCode.INVALID
    assert PortalSession.objects.count() == 1


def test_an_expired_link_is_refused(customer):
    now = timezone.now()
    link = portal_link_create(user=customer, now=now - timedelta(seconds=301))
    with pytest.raises(ServiceError):
        portal_link_exchange(token=link.token, now=now)
    assert not PortalSession.objects.exists()


def test_unknown_and_oversized_tokens_are_refused(customer):
    for token in ("", "nope", "x" * 500):
        with pytest.raises(ServiceError):
            portal_link_exchange(token=token)


def test_a_link_to_someone_elses_service_is_not_made(customer, other_customer, make_service):
    theirs = make_service(user=other_customer)
    with pytest.raises(ServiceError) as refused:
        portal_link_create(user=customer, target_action="SERVICE", target_service_id=theirs.pk)
    assert refused.value.code == ServiceErrorCode.NOT_FOUND
    assert not PortalLink.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_exchanges_of_one_link_open_one_session(customer):
    link = portal_link_create(user=customer)
    barrier = threading.Barrier(2)
    outcomes = []

    def exchange():
        try:
            barrier.wait()
            outcomes.append(portal_link_exchange(token=link.token))
        except ServiceError as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=exchange) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["OpenedSession", "ServiceError"]
    assert PortalSession.objects.count() == 1


def test_a_session_ends_after_idling_and_at_its_absolute_limit(customer):
    start = timezone.now()
    opened = portal_link_exchange(token=portal_link_create(user=customer, now=start).token, now=start)
    # Seen every 20 minutes it stays open (idle limit 30) ...
    for minutes in range(20, 12 * 60, 20):
        assert portal_session_get(key=opened.key, now=start + timedelta(minutes=minutes)) is not None
    # ... until its absolute limit of 12 hours.
    assert portal_session_get(key=opened.key, now=start + timedelta(hours=12, minutes=1)) is None

    other = portal_link_exchange(token=portal_link_create(user=customer, now=start).token, now=start)
    assert portal_session_get(key=other.key, now=start + timedelta(minutes=31)) is None


def test_the_cookie_is_http_only_same_site_and_scoped_to_the_portal(client, customer):
    response = enter(client, customer)
    assert response.status_code == 302 and response["Location"] == f"{PORTAL}services/"
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == PORTAL
    assert client.get(f"{PORTAL}services/").status_code == 200


def test_an_expired_or_reused_url_gets_a_clear_page_and_no_cookie(client, customer):
    link = portal_link_create(user=customer)
    assert client.get(f"{PORTAL}enter/{link.token}/").status_code == 302
    client.cookies.clear()
    reused = client.get(f"{PORTAL}enter/{link.token}/")
    assert reused.status_code == 410
    assert "This link has expired" in reused.content.decode()
    assert COOKIE not in reused.cookies
    assert client.get(f"{PORTAL}services/").status_code == 302  # to the sign-in page


def test_signing_out_ends_the_session(signed_in):
    assert signed_in.get(f"{PORTAL}services/").status_code == 200
    signed_in.post(f"{PORTAL}sign-out/")
    assert PortalSession.objects.get().ended_at is not None
    assert signed_in.get(f"{PORTAL}services/").status_code == 302


def test_a_return_url_must_be_a_web_address(customer):
    for url in ("javascript://shop.example.com/%0Aalert(1)", "data:text/html,x", "//shop.example.com/"):
        with pytest.raises(ServiceError) as refused:
            portal_link_create(user=customer, return_url=url)
        assert (refused.value.code, refused.value.field) == (ServiceErrorCode.INVALID, "return_url")
    assert not PortalLink.objects.exists()
