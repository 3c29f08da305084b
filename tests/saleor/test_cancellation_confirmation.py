"""Confirming a cancellation inside Saleor: the password goes through Saleor's own login
throttling (the counters and block of `tokenCreate`, shared with it), and customers
without a usable password confirm with the refresh token of a recent sign-in. The clock
is frozen (freezegun; Saleor's test cache is in-process), so no block lapses unseen."""

from datetime import timedelta

import graphene
import pytest

pytest.importorskip("saleor")

from django.core.cache import cache  # noqa: E402
from django.utils import timezone  # noqa: E402
from freezegun import freeze_time  # noqa: E402

from saleor_services.models import CancellationRequest  # noqa: E402

MUTATION = """mutation($id: ID!, $input: ServiceCancellationRequestCreateInput!) {
  serviceCancellationRequestCreate(id: $id, input: $input) {
    cancellationRequest { status } errors { field code message }
  }
}"""
TOKEN_CREATE = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { code } }
}"""


@pytest.fixture(autouse=True)
def fresh_throttling():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock():
    # Ahead of the real clock, so tokens made before the freeze are not from the future.
    with freeze_time(timezone.now() + timedelta(minutes=1)) as frozen:
        yield frozen


def _customer_client(user):
    from saleor.graphql.tests.fixtures import ApiClient

    return ApiClient(user=user)


def _ask(client, service, **confirmation):
    variables = {
        "id": graphene.Node.to_global_id("Service", service.pk),
        "input": {"type": "IMMEDIATE", "reason": "Leaving", **confirmation},
    }
    response = client.post_graphql(MUTATION, variables)
    assert response.status_code == 200
    return response.json()["data"]["serviceCancellationRequestCreate"]


def _codes(payload):
    return [(error["field"], error["code"]) for error in payload["errors"]]


def test_a_wrong_password_blocks_the_address_for_confirmation_and_sign_in_alike(
    clock, bought_service, customer, api_client
):
    client = _customer_client(customer)
    assert _codes(_ask(client, bought_service, password="guess")) == [("password", "PASSWORD_INCORRECT")]

    assert _codes(_ask(client, bought_service, password="password")) == [("password", "CONFIRMATION_DELAYED")]
    sign_in = api_client.post_graphql(TOKEN_CREATE, {"email": customer.email, "password": "password"}).json()
    assert sign_in["data"]["tokenCreate"]["errors"] == [{"code": "LOGIN_ATTEMPT_DELAYED"}]
    assert not CancellationRequest.objects.exists()

    clock.tick(timedelta(seconds=1.5))
    assert _ask(client, bought_service, password="password")["errors"] == []
    assert CancellationRequest.objects.filter(service=bought_service).exists()


def test_failed_sign_ins_delay_the_confirmation_too(clock, bought_service, customer, api_client):
    failed = api_client.post_graphql(TOKEN_CREATE, {"email": customer.email, "password": "nope"}).json()
    assert failed["data"]["tokenCreate"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]

    payload = _ask(_customer_client(customer), bought_service, password="password")

    assert _codes(payload) == [("password", "CONFIRMATION_DELAYED")]


def test_each_failure_for_the_same_customer_doubles_the_wait(clock, bought_service, customer):
    client = _customer_client(customer)
    assert _codes(_ask(client, bought_service, password="one")) == [("password", "PASSWORD_INCORRECT")]
    clock.tick(timedelta(seconds=1.5))
    assert _codes(_ask(client, bought_service, password="two")) == [("password", "PASSWORD_INCORRECT")]
    clock.tick(timedelta(seconds=1.5))  # Saleor blocks for 2 s after the second failure
    assert _codes(_ask(client, bought_service, password="password")) == [("password", "CONFIRMATION_DELAYED")]
    clock.tick(timedelta(seconds=1))
    assert _ask(client, bought_service, password="password")["errors"] == []


@pytest.fixture
def social_customer(customer):
    customer.set_unusable_password()
    customer.save(update_fields=["password"])
    return customer


def test_without_a_password_a_recent_sign_ins_refresh_token_confirms(clock, bought_service, social_customer):
    from saleor.core.jwt import create_refresh_token

    refresh_token = create_refresh_token(social_customer)  # as externalObtainAccessTokens issues it
    clock.tick(timedelta(minutes=9))

    payload = _ask(_customer_client(social_customer), bought_service, signInToken=refresh_token)

    assert payload["errors"] == []
    assert payload["cancellationRequest"] is not None


def test_the_refresh_token_cookie_confirms_as_the_argument_does(clock, bought_service, social_customer):
    from saleor.core.jwt import JWT_REFRESH_TOKEN_COOKIE_NAME, create_refresh_token

    client = _customer_client(social_customer)
    client.cookies[JWT_REFRESH_TOKEN_COOKIE_NAME] = create_refresh_token(social_customer)

    assert _ask(client, bought_service)["errors"] == []


def test_without_a_password_an_old_sign_in_is_told_to_sign_in_again(clock, bought_service, social_customer):
    from saleor.core.jwt import create_access_token, create_refresh_token

    old_refresh = create_refresh_token(social_customer)
    clock.tick(timedelta(minutes=11))
    client = _customer_client(social_customer)  # its access token is fresh: refreshed silently

    for confirmation in ({"signInToken": old_refresh}, {}, {"signInToken": create_access_token(social_customer)}):
        payload = _ask(client, bought_service, password="whatever", **confirmation)
        assert _codes(payload) == [("signInToken", "SIGN_IN_REQUIRED")], confirmation
    assert not CancellationRequest.objects.exists()

    assert _ask(client, bought_service, signInToken=create_refresh_token(social_customer))["errors"] == []
