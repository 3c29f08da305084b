"""Renewals as Saleor orders: a draft for the customer, completed to an order they pay.

The draft is made and completed through Saleor's own GraphQL mutations (`draftOrderCreate`
with a price override, `draftOrderComplete`) run in-process as the services App, so
taxes, numbering, events and webhooks stay Saleor's. The order carries the renewal id
in its private metadata; its payment reaches `ServicesPlugin.order_fully_paid`.
"""

import logging
import uuid

import graphene
from django.db import transaction
from django.test import RequestFactory

from ..enums import EmailStatus, ServiceEventType
from ..models import Renewal, ServiceEvent
from .orders import RENEWAL_METADATA_KEY

logger = logging.getLogger(__name__)

APP_NAME = "Services"

DRAFT_ORDER_CREATE = """
mutation($input: DraftOrderCreateInput!) {
  draftOrderCreate(input: $input) { order { id } errors { field code message } }
}"""
DRAFT_ORDER_COMPLETE = """
mutation($id: ID!) {
  draftOrderComplete(id: $id) { order { id status } errors { field code message } }
}"""

ADDRESS_FIELDS = {
    "firstName": "first_name", "lastName": "last_name", "companyName": "company_name",
    "streetAddress1": "street_address_1", "streetAddress2": "street_address_2", "city": "city",
    "cityArea": "city_area", "postalCode": "postal_code", "countryArea": "country_area",
    "phone": "phone",
}


class RenewalOrderError(Exception):
    pass


def services_app():
    """The App the package acts as inside Saleor (installed with MANAGE_ORDERS)."""
    from saleor.app.models import App
    from saleor.permission.models import Permission

    from ..dashboard.manifest import APP_ID

    app, _ = App.objects.get_or_create(identifier=APP_ID, defaults={"name": APP_NAME, "is_active": True})
    permission = Permission.objects.get(codename="manage_orders", content_type__app_label="order")
    app.permissions.add(permission)
    return app


def _execute(document: str, variables: dict) -> dict:
    from saleor.graphql.api import schema
    from saleor.graphql.context import get_context_value
    from saleor.graphql.views import API_PATH

    request = RequestFactory().post(str(API_PATH))
    request.app = services_app()
    result = schema.execute(document, variable_values=variables, context_value=get_context_value(request))
    if result.errors:
        raise RenewalOrderError("; ".join(str(error) for error in result.errors))
    [payload] = result.data.values()
    if payload["errors"]:
        raise RenewalOrderError("; ".join(e["message"] for e in payload["errors"]))
    return payload


def _address(address) -> dict | None:
    if address is None:
        return None
    data = {field: getattr(address, attribute) for field, attribute in ADDRESS_FIELDS.items()}
    data["country"] = address.country.code
    return {key: str(value) for key, value in data.items() if value}


def _billing_address(service):
    from saleor.account.models import User
    from saleor.order.models import Order

    order = Order.objects.filter(pk=service.order_id).select_related("billing_address").first()
    if order is not None and order.billing_address is not None:
        return order.billing_address
    user = User.objects.filter(pk=service.user_id).select_related("default_billing_address").first()
    return user.default_billing_address if user else None


def _create_draft(renewal: Renewal) -> uuid.UUID:
    from saleor.channel.models import Channel

    service = renewal.service
    channel = Channel.objects.get(slug=service.channel_slug)
    # An upgrade is sold as the target plan's variant; a renewal as the service's own.
    target = renewal.target_plan
    variant_id = target.variant_id if target is not None and target.variant_id else service.variant_id
    draft = _execute(
        DRAFT_ORDER_CREATE,
        {
            "input": {
                "channelId": graphene.Node.to_global_id("Channel", channel.pk),
                "user": graphene.Node.to_global_id("User", service.user_id) if service.user_id else None,
                "userEmail": service.user_email,
                "billingAddress": _address(_billing_address(service)),
                "lines": [
                    {
                        "variantId": graphene.Node.to_global_id("ProductVariant", variant_id),
                        "quantity": 1,
                        "price": str(renewal.amount),
                    }
                ],
                "privateMetadata": [{"key": RENEWAL_METADATA_KEY, "value": str(renewal.pk)}],
            }
        },
    )
    return uuid.UUID(graphene.Node.from_global_id(draft["order"]["id"])[1])


def open_renewal_order(renewal_id: int) -> None:
    """Create (once) and complete the renewal's order; then the customer hears of it.

    The draft's id is kept before completing it, so a failed completion is retried on
    the same draft rather than leaving another one behind.
    """
    from saleor.order import OrderStatus
    from saleor.order.models import Order

    renewal = Renewal.objects.select_related("service").get(pk=renewal_id)
    if renewal.order_id is None:
        renewal.order_id = _create_draft(renewal)
        renewal.save(update_fields=["order_id", "updated_at"])
    order = Order.objects.filter(pk=renewal.order_id).only("status").first()
    if order is None or order.status != OrderStatus.DRAFT:
        return
    _execute(DRAFT_ORDER_COMPLETE, {"id": graphene.Node.to_global_id("Order", renewal.order_id)})
    with transaction.atomic():
        # The "renewal created" e-mail waited for this order.
        ServiceEvent.objects.filter(
            service_id=renewal.service_id,
            type=ServiceEventType.RENEWAL_CREATED,
            parameters__renewal_id=renewal.pk,
            email_status=EmailStatus.NOT_REQUIRED,
        ).update(email_status=EmailStatus.PENDING)
        from ..notifications import deliver_emails_after_commit

        deliver_emails_after_commit()


class SaleorBilling:
    opens_documents = True

    def open_documents_later(self, renewal_ids: list[int]) -> None:
        from .tasks import open_renewal_orders

        open_renewal_orders.delay(renewal_ids)
