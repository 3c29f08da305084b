"""A renewal that asks for no money any more loses its checkout: nothing is left to pay."""

import pytest

pytest.importorskip("saleor")

from saleor_services.actors import Actor  # noqa: E402
from saleor_services.billing.renewals import renewal_void  # noqa: E402
from saleor_services.lifecycle import service_suspend, service_terminate  # noqa: E402

from .storefront import CHECKOUT_COMPLETE, gid, issue_renewal, pay  # noqa: E402


def _checkout_exists(renewal) -> bool:
    from saleor.checkout.models import Checkout

    return Checkout.objects.filter(token=renewal.checkout_id).exists()


@pytest.mark.django_db
def test_terminating_the_service_deletes_the_renewals_checkout(
    bought_service, api_client, django_capture_on_commit_callbacks
):
    from saleor.graphql.tests.utils import get_graphql_content

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    assert _checkout_exists(renewal)

    with django_capture_on_commit_callbacks(execute=True):
        service_suspend(service_id=bought_service.pk, actor=Actor.system(), reason="Abuse")
        service_terminate(service_id=bought_service.pk, actor=Actor.system(), reason="Abuse")

    renewal.refresh_from_db()
    assert renewal.status == "VOID"
    assert not _checkout_exists(renewal)
    # The link in the e-mail leads nowhere payable.
    content = get_graphql_content(
        api_client.post_graphql(CHECKOUT_COMPLETE, {"id": gid("Checkout", renewal.checkout_id)}),
        ignore_errors=True,
    )
    assert content["data"]["checkoutComplete"]["order"] is None
    assert content["data"]["checkoutComplete"]["errors"]


@pytest.mark.django_db
def test_a_checkout_already_paid_into_is_kept(
    bought_service, api_client, payment_app_client, django_capture_on_commit_callbacks
):
    """Money was taken: the checkout stays, and completing it still counts."""
    from .storefront import complete

    renewal = issue_renewal(bought_service, django_capture_on_commit_callbacks)
    checkout_id = gid("Checkout", renewal.checkout_id)
    pay(payment_app_client, checkout_id)

    with django_capture_on_commit_callbacks(execute=True):
        renewal_void(renewal_id=renewal.pk, actor=Actor.system(), reason="Changed plan")

    assert _checkout_exists(renewal)
    complete(api_client, checkout_id)
    renewal.refresh_from_db()
    assert renewal.status == "PAID"  # a payment the host received counts
