"""Renewals (and upgrade charges) as Saleor checkouts the customer pays on the storefront.

The services App opens the checkout with Saleor's own `checkoutCreate`, run in-process:
the channel, the customer's e-mail and billing address, one line of the service's variant
(an upgrade: the target plan's) at the renewal's amount as a custom price (HANDLE_CHECKOUTS),
tagged with the renewal id in the checkout's private metadata. The customer pays it
through the storefront's normal flow (a payment app's transaction, `checkoutComplete`);
Saleor makes the order and `ServicesPlugin.order_fully_paid` records the payment.

The customer: Saleor gives a completed checkout to the active account whose e-mail is
the checkout's (`assign_checkout_user`), or to the customer signed in on the storefront.
So the App needs no IMPERSONATE_USER (which would let it, and every token of it, act as
any customer) to attach the customer.

Voided renewals lose their checkout through Saleor's own `delete_checkouts`, the
function behind `checkoutDelete` and the expired-checkout cleanup: `checkoutDelete`
itself needs MANAGE_CHECKOUTS (every checkout of the store), which the App is not given.
As `checkoutDelete` does, a checkout holding a payment transaction is kept: money was
taken or is on its way, and paying it still counts (`renewal_mark_paid(by_host=True)`).
"""

import logging
import uuid
from urllib.parse import quote, urljoin, urlsplit

import graphene
from django.conf import settings
from django.db import transaction

from ..billing.renewals import renewal_document_replaced, renewal_fail
from ..conf import payment_url_template
from ..enums import EmailStatus, RenewalKind, RenewalStatus, ServiceEventType
from ..models import Renewal, Service, ServiceEvent
from .app_api import SaleorRefused, execute
from .orders import RENEWAL_METADATA_KEY

logger = logging.getLogger(__name__)

CHECKOUT_CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { checkout { id token } errors { field code message addressType } }
}"""

ADDRESS_FIELDS = {
    "firstName": "first_name", "lastName": "last_name", "companyName": "company_name",
    "streetAddress1": "street_address_1", "streetAddress2": "street_address_2", "city": "city",
    "cityArea": "city_area", "postalCode": "postal_code", "countryArea": "country_area",
    "phone": "phone",
}


class DocumentGone(Exception):
    """What the renewal's line sells no longer exists in Saleor."""


# -- what the checkout is made of ---------------------------------------------------


def _address(address) -> dict | None:
    if address is None:
        return None
    data = {field: getattr(address, attribute) for field, attribute in ADDRESS_FIELDS.items()}
    data["country"] = address.country.code
    return {key: str(value) for key, value in data.items() if value}


def _original_order(service: Service):
    from saleor.order.models import Order

    return Order.objects.filter(pk=service.order_id).select_related("billing_address").first()


def _customer(service: Service):
    from saleor.account.models import User

    if service.user_id is None:
        return None
    return User.objects.filter(pk=service.user_id, is_active=True).select_related(
        "default_billing_address"
    ).first()


def _kind(renewal: Renewal) -> str:
    return "upgrade" if renewal.kind == RenewalKind.UPGRADE else "renewal"


def _variant_id(renewal: Renewal) -> int:
    """An upgrade is sold as the target plan's variant; a renewal as the service's own."""
    from saleor.product.models import ProductVariant

    target = renewal.target_plan
    variant_id = target.variant_id if target is not None and target.variant_id else renewal.service.variant_id
    if variant_id is None or not ProductVariant.objects.filter(pk=variant_id).exists():
        raise DocumentGone(
            f"The product variant {variant_id if variant_id is not None else '(none recorded)'} "
            f"this {_kind(renewal)} sells no longer exists in Saleor, so no "
            "checkout can be opened for it. Fix the service's variant or plan, then reopen "
            "the renewal."
        )
    return variant_id


def _language_code(customer) -> str | None:
    code = getattr(customer, "language_code", None)
    if code and code in dict(settings.LANGUAGES):
        return code.replace("-", "_").upper()
    return None


def renewal_tag(renewal: Renewal) -> list[dict]:
    return [{"key": RENEWAL_METADATA_KEY, "value": str(renewal.pk)}]


def renewal_line_input(renewal: Renewal) -> dict:
    """The renewal's checkout line: one unit of its variant at the renewal's amount."""
    kind = _kind(renewal)
    return {
        "variantId": graphene.Node.to_global_id("ProductVariant", _variant_id(renewal)),
        "quantity": 1,
        # The price as entered in the channel, as the service's purchase was: Saleor
        # taxes it the same way (see orders.paid_order_from_saleor).
        "price": str(renewal.amount),
        "priceOverrideReason": f"Service {kind} {renewal.period_start} – {renewal.period_end}",
        "metadata": renewal_tag(renewal),
    }


def _checkout_input(renewal: Renewal, *, with_address: bool) -> dict:
    service = renewal.service
    customer = _customer(service)
    order = _original_order(service)
    address = order.billing_address if order is not None else None
    if address is None and customer is not None:
        address = customer.default_billing_address
    data = {
        "channel": service.channel_slug,
        # The account's e-mail as it is now: Saleor gives the order to that account.
        "email": (customer.email if customer is not None else "") or service.user_email or None,
        "lines": [renewal_line_input(renewal)],
        "metadata": renewal_tag(renewal),
        # What marks the checkout, and the order Saleor makes of it, as the renewal's.
        "privateMetadata": renewal_tag(renewal),
    }
    if (language := _language_code(customer)) is not None:
        data["languageCode"] = language
    if with_address and (billing := _address(address)) is not None:
        data["billingAddress"] = billing
    return {"input": data}


def _create_checkout(renewal: Renewal) -> uuid.UUID:
    try:
        payload = execute(CHECKOUT_CREATE, _checkout_input(renewal, with_address=True))
    except SaleorRefused as refusal:
        if not any(error.get("addressType") == "BILLING" for error in refusal.errors):
            raise
        # The address Saleor took for the purchase fails today's rules: the customer
        # enters one on the storefront, as for any checkout.
        logger.warning("Renewal %s: billing address refused (%s); opened without.", renewal.pk, refusal)
        payload = execute(CHECKOUT_CREATE, _checkout_input(renewal, with_address=False))
    return uuid.UUID(payload["checkout"]["token"])


# -- where the customer pays --------------------------------------------------------


def storefront_origin(service: Service) -> str | None:
    """The storefront the customer bought on, as Saleor knows it.

    Saleor keeps no storefront URL per channel or site (PUBLIC_URL is the API's own).
    What it has is the `redirectUrl` a storefront passes when it completes a checkout,
    kept on the order and checked by `validate_storefront_url` against
    ALLOWED_CLIENT_HOSTS. Its origin is used when it still passes that check.
    """
    from django.core.exceptions import ValidationError
    from saleor.core.utils.url import validate_storefront_url
    from saleor.order.models import Order

    redirect_url = (
        Order.objects.filter(pk=service.order_id).values_list("redirect_url", flat=True).first()
    )
    if not redirect_url:
        return None
    try:
        validate_storefront_url(redirect_url)
    except ValidationError:
        return None
    parts = urlsplit(redirect_url)
    return f"{parts.scheme}://{parts.netloc}"


def payment_url(renewal: Renewal, checkout_token: uuid.UUID) -> str:
    """The page the customer pays on, from the channel's template.

    `{checkout_id}` is the checkout's GraphQL id (what `checkout(id:)` takes, and what
    Saleor's storefront puts in `?checkout=`). A relative template is joined to the
    storefront origin (`storefront_origin`); without one it gives no URL (the e-mail
    then sends the customer to their account), so stores set an absolute template.
    """
    service = renewal.service
    template = payment_url_template(service.channel_slug)
    if not template:
        return ""
    url = template.format(
        channel=quote(service.channel_slug, safe=""),
        checkout_id=quote(graphene.Node.to_global_id("Checkout", checkout_token), safe=""),
        renewal_id=renewal.pk,
    )
    if urlsplit(url).scheme:
        return url
    origin = storefront_origin(service)
    if origin is None:
        logger.warning(
            "Renewal %s: the payment URL template %r of channel %r is relative and Saleor "
            "knows no storefront to join it to; set an absolute template in "
            "SALEOR_SERVICES['PAYMENT_URL_TEMPLATES'].",
            renewal.pk, template, service.channel_slug,
        )
        return ""
    return urljoin(origin + "/", url)


# -- opening and releasing ----------------------------------------------------------


def _has_live_document(renewal: Renewal) -> bool:
    """Its checkout still exists, or became an order that is not expired."""
    from saleor.checkout.models import Checkout
    from saleor.order import OrderStatus
    from saleor.order.models import Order

    if renewal.checkout_id is None:
        return False
    if Checkout.objects.filter(token=renewal.checkout_id).exists():
        return True
    return (
        Order.objects.non_draft()
        .filter(checkout_token=str(renewal.checkout_id))
        .exclude(status=OrderStatus.EXPIRED)
        .exists()
    )


def _locked(renewal_id: int) -> Renewal | None:
    """The renewal, locked after its service (the domain's lock order)."""
    service_id = Renewal.objects.filter(pk=renewal_id).values_list("service_id", flat=True).first()
    if service_id is None:
        return None
    Service.objects.select_for_update(of=("self",)).filter(pk=service_id).first()
    return (
        Renewal.objects.select_for_update(of=("self",))
        .select_related("service", "target_plan")
        .filter(pk=renewal_id)
        .first()
    )


def open_renewal_checkout(renewal_id: int) -> bool:
    """Open the renewal's checkout unless it has a live one; then its e-mail may go.

    Returns whether a checkout was opened now. Runs again safely: the renewal is locked
    while its checkout is made, and one that still exists (or became an order) is kept.
    A renewal whose variant is gone, or that Saleor refuses to sell, fails once with the
    reason (`renewal_fail`: staff see it, no reminders, no retry until they reopen it);
    anything else raises, and the reconciliation step tries again.
    """
    with transaction.atomic():
        renewal = _locked(renewal_id)
        if renewal is None or renewal.status != RenewalStatus.OPEN:
            return False
        if _has_live_document(renewal):
            _release_email(renewal)
            return False
        try:
            token = _create_checkout(renewal)
        except DocumentGone as gone:
            return _fail(renewal, str(gone))
        except SaleorRefused as refusal:
            return _fail(renewal, f"Saleor refused to open a checkout for it: {refusal}")
        replaced = renewal.checkout_id is not None
        renewal.checkout_id = token
        renewal.order_id = None
        renewal.payment_url = payment_url(renewal, token)
        renewal.save(update_fields=["checkout_id", "order_id", "payment_url", "updated_at"])
        # The first link goes out in the "renewal created" e-mail; a later one in its own.
        if not _release_email(renewal) and replaced:
            renewal_document_replaced(renewal=renewal, payment_url=renewal.payment_url)
    return True


def _fail(renewal: Renewal, reason: str) -> bool:
    logger.warning("Renewal %s: no checkout. %s", renewal.pk, reason)
    renewal_fail(renewal_id=renewal.pk, reason=reason)
    return False


def _release_email(renewal: Renewal) -> bool:
    """The "renewal created" e-mail waited for the payable checkout and its link.
    Returns whether it was still waiting (and is now on its way)."""
    from ..notifications import deliver_emails_after_commit

    released = ServiceEvent.objects.filter(
        service_id=renewal.service_id,
        type=ServiceEventType.RENEWAL_CREATED,
        parameters__renewal_id=renewal.pk,
        email_status=EmailStatus.NOT_REQUIRED,
    ).update(email_status=EmailStatus.PENDING)
    if released:
        deliver_emails_after_commit()
    return bool(released)


def release_renewal_checkout(renewal_id: int) -> bool:
    """Delete the checkout of a renewal that asks for no money any more (voided, or
    settled another way). Returns whether one was deleted."""
    from saleor.checkout.models import Checkout
    from saleor.checkout.utils import delete_checkouts

    with transaction.atomic():
        renewal = _locked(renewal_id)
        if renewal is None or renewal.status == RenewalStatus.OPEN or renewal.checkout_id is None:
            return False
        checkout = Checkout.objects.filter(token=renewal.checkout_id).first()
        if checkout is None:
            return False
        if checkout.payment_transactions.exists() or checkout.payments.filter(is_active=True).exists():
            logger.warning(
                "Renewal %s is %s but its checkout %s holds a payment; it is kept, and "
                "paying it is recorded.", renewal.pk, renewal.status, renewal.checkout_id,
            )
            return False
        return delete_checkouts([checkout.pk]) > 0


class SaleorBilling:
    """The billing port inside Saleor: a checkout per renewal."""

    opens_documents = True

    def open_documents_later(self, renewal_ids: list[int]) -> None:
        from .tasks import open_renewal_checkouts

        open_renewal_checkouts.delay(list(renewal_ids))

    def void_documents_later(self, renewal_ids: list[int]) -> None:
        from .tasks import release_renewal_checkouts

        release_renewal_checkouts.delay(list(renewal_ids))

