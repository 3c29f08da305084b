"""How a customer confirms serviceCancellationRequestCreate without it being a password
oracle: passwords go through the host's login throttling (this host's copy of Saleor's
shape: each failure blocks the address, for longer with every failure for the same user);
customers without a usable password confirm with a sign-in at most
CONFIRMATION_SIGN_IN_MINUTES old. The clock is frozen, so no block lapses unseen."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from saleor_services.models import CancellationRequest
from standalone.auth import issue_token

from ..conftest import PASSWORD, snapshot
from .conftest import gid
from .test_service_cancellation_request_create import MUTATION

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _request(api, service, user, *, token=None, **confirmation):
    variables = {"id": gid(service), "input": {"type": "IMMEDIATE", "reason": "Leaving", **confirmation}}
    if token is None:
        return api.post(MUTATION, variables, user=user)["data"]["serviceCancellationRequestCreate"]
    response = api.client.post(
        "/graphql/", {"query": MUTATION, "variables": variables}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    return response.json()["data"]["serviceCancellationRequestCreate"]


def _codes(payload):
    return [(error["field"], error["code"]) for error in payload["errors"]]


def test_after_a_wrong_password_even_the_right_one_waits(api, clock, make_service, customer):
    service = make_service()
    before = snapshot()

    assert _codes(_request(api, service, customer, password="guess")) == [("password", "PASSWORD_INCORRECT")]
    delayed = _request(api, service, customer, password=PASSWORD)

    assert _codes(delayed) == [("password", "CONFIRMATION_DELAYED")]
    assert "Too many failed attempts" in delayed["errors"][0]["message"]
    assert snapshot() == before

    clock.shift(timedelta(seconds=1.5))
    assert _request(api, service, customer, password=PASSWORD)["errors"] == []
    assert CancellationRequest.objects.filter(service=service).exists()


def test_each_failure_for_the_same_customer_doubles_the_wait(api, clock, make_service, customer):
    service = make_service()
    assert _codes(_request(api, service, customer, password="one")) == [("password", "PASSWORD_INCORRECT")]
    clock.shift(timedelta(seconds=1.5))
    assert _codes(_request(api, service, customer, password="two")) == [("password", "PASSWORD_INCORRECT")]

    clock.shift(timedelta(seconds=1.5))  # the second failure blocks for 2 s
    assert _codes(_request(api, service, customer, password=PASSWORD)) == [("password", "CONFIRMATION_DELAYED")]
    clock.shift(timedelta(seconds=1))
    assert _request(api, service, customer, password=PASSWORD)["errors"] == []


def test_guesses_against_one_customer_delay_other_customers_from_that_address(
    api, clock, make_service, customer, other_customer
):
    mine, theirs = make_service(), make_service(user=other_customer)
    assert _codes(_request(api, mine, customer, password="guess")) == [("password", "PASSWORD_INCORRECT")]
    assert _codes(_request(api, theirs, other_customer, password=PASSWORD)) == [
        ("password", "CONFIRMATION_DELAYED")
    ]


@pytest.fixture
def social_customer(customer):
    """Signed up through a social or OpenID provider: no usable password."""
    customer.set_unusable_password()
    customer.save(update_fields=["password"])
    return customer


def test_without_a_password_a_recent_sign_in_confirms(api, clock, make_service, social_customer):
    service = make_service()
    token = issue_token(social_customer)
    clock.shift(timedelta(minutes=9))

    assert _request(api, service, social_customer, token=token)["errors"] == []
    assert CancellationRequest.objects.filter(service=service).exists()


def test_without_a_password_an_old_sign_in_is_told_to_sign_in_again(api, clock, make_service, social_customer):
    service = make_service()
    old_token = issue_token(social_customer)
    clock.shift(timedelta(minutes=11))
    before = snapshot()

    refused = _request(api, service, social_customer, token=old_token, password="anything")

    assert _codes(refused) == [("signInToken", "SIGN_IN_REQUIRED")]
    assert "Sign in again" in refused["errors"][0]["message"]
    assert snapshot() == before
    # Signed in again: the fresh sign-in's token confirms, sent as signInToken.
    fresh = issue_token(social_customer)
    assert _request(api, service, social_customer, token=old_token, signInToken=fresh)["errors"] == []


def test_another_users_sign_in_confirms_nothing(api, clock, make_service, social_customer, other_customer):
    service = make_service()
    old_token = issue_token(social_customer)
    clock.shift(timedelta(minutes=30))

    refused = _request(api, service, social_customer, token=old_token, signInToken=issue_token(other_customer))

    assert _codes(refused) == [("signInToken", "SIGN_IN_REQUIRED")]
    assert not CancellationRequest.objects.exists()


def test_the_window_is_a_setting(api, clock, make_service, social_customer, settings):
    settings.SALEOR_SERVICES = {"CONFIRMATION_SIGN_IN_MINUTES": 60}
    service = make_service()
    token = issue_token(social_customer)
    clock.shift(timedelta(minutes=30))
    assert _request(api, service, social_customer, token=token)["errors"] == []
