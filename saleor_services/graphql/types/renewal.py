import graphene
from graphene import relay

from ... import models
from ...host import get_host
from ..dataloaders import PlanByIdLoader
from ..enums import ServiceRenewalKindEnum, ServiceRenewalStatusEnum
from ..money_text import money_text, money_text_field
from ..shared import UUID, Date, DateTime, Money, make_money
from ..visibility import row_of_visible_service, staff_only
from .plan import ServicePlan

# Fields whose types are the host's own (inside Saleor: the checkout and the order).
_HostFields = type("ServiceRenewalHostFields", (), get_host().renewal_fields())


class ServiceRenewal(_HostFields, graphene.ObjectType):
    kind = ServiceRenewalKindEnum(required=True)
    target_plan = graphene.Field(ServicePlan, description="For an upgrade: the plan it buys.")
    payment_url = graphene.String(description="Where the customer pays it, if the host has a page.")
    period_start = Date(required=True)
    period_end = Date(required=True)
    amount = graphene.Field(Money, required=True)
    amount_text = money_text_field("The amount")
    due_date = Date(required=True)
    status = ServiceRenewalStatusEnum(required=True)
    refunded_amount = graphene.Field(Money, required=True, description="Money given back so far.")
    refunded_amount_text = money_text_field("The money given back so far")
    document_error = graphene.String(
        description="Why its payable document could not be made (FAILED). Requires MANAGE_ORDERS."
    )
    checkout_id = UUID(description="The host's checkout the customer pays it with, while open.")
    order_id = UUID(description="The order that paid this renewal.")
    paid_at = DateTime()
    created_at = DateTime(required=True)

    class Meta:
        interfaces = [relay.Node]
        description = "The renewal invoice of one billing period."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.Renewal)

    @classmethod
    def get_node(cls, info, pk):
        return row_of_visible_service(info, models.Renewal, pk)

    @staticmethod
    def resolve_amount(root, _info):
        return make_money(root.amount, root.currency)

    @staticmethod
    def resolve_refunded_amount(root, _info):
        return make_money(root.refunded_amount, root.currency)

    @staticmethod
    def resolve_amount_text(root, _info, locale=None):
        return money_text(root.amount, root.currency, locale)

    @staticmethod
    def resolve_refunded_amount_text(root, _info, locale=None):
        return money_text(root.refunded_amount, root.currency, locale)

    @staticmethod
    def resolve_document_error(root, info):
        staff_only(info)
        return root.document_error or None

    @staticmethod
    def resolve_target_plan(root, info):
        if root.target_plan_id is None:
            return None
        return PlanByIdLoader(info.context).load(root.target_plan_id)

    @staticmethod
    def resolve_payment_url(root, _info):
        return root.payment_url or None


