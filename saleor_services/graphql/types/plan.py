import graphene
from graphene import relay

from ... import models
from ...billing.plan_prices import plan_price
from .. import limits
from ..context import read_alias
from ..dataloaders import (
    CatalogueNamesByPlanKeyLoader,
    ChangeTargetsByPlanIdLoader,
    PlanPricesByPlanIdLoader,
    ServiceCountByPlanIdLoader,
)
from ..enums import (
    ServiceActivationModeEnum,
    ServiceBillingCycleEnum,
    ServiceCancellationModeEnum,
)
from ..ids import optional_global_id
from ..money_text import money_text, money_text_field
from ..shared import JSON, DateTime, Money, make_money
from ..visibility import staff_only


class ServicePlanChannelPrice(graphene.ObjectType):
    channel_slug = graphene.String(required=True)
    price = graphene.Field(Money, required=True)
    price_text = money_text_field("The price")

    class Meta:
        description = "A plan's recurring price in one channel."

    @staticmethod
    def resolve_price_text(root, _info, locale=None):
        return money_text(root["price"].amount, root["price"].currency, locale)


class ServicePlan(graphene.ObjectType):
    name = graphene.String(required=True)
    variant_id = graphene.ID(description="The Saleor product variant sold under this plan.")
    product_id = graphene.ID(description="The Saleor product whose variants it covers.")
    product_name = graphene.String(
        required=True, description="The product's name in the catalogue (empty when it is gone)."
    )
    variant_name = graphene.String(
        required=True,
        description="The variant's name in the catalogue (empty for a product-wide plan, or when it is gone).",
    )
    billing_cycle = ServiceBillingCycleEnum(required=True)
    allow_pause = graphene.Boolean(required=True, description="Customers may pause.")
    allow_cancel = graphene.Boolean(required=True, description="Customers may cancel.")
    allow_reactivation = graphene.Boolean(
        required=True, description="Customers may reactivate a cancelled service (a new period is charged)."
    )
    cancellation_mode = ServiceCancellationModeEnum(required=True)
    notice_period_days = graphene.Int(required=True)
    activation_mode = ServiceActivationModeEnum(required=True)
    automation_overrides = JSON(
        required=True, description="Per-plan day offsets of the daily automation."
    )
    change_targets = graphene.List(
        graphene.NonNull(lambda: ServicePlan),
        required=True,
        description="Plans a service of this plan may change to.",
    )
    price = graphene.Field(
        Money,
        description="The plan's own price, for channels without one of their own (`prices`).",
    )
    prices = graphene.List(
        graphene.NonNull(ServicePlanChannelPrice),
        required=True,
        description="The plan's recurring price per channel, as staff set it.",
    )
    channel_price = graphene.Field(
        Money,
        channel=graphene.String(required=True),
        description=(
            "What the plan costs in a channel: its price there, else the plan's own price, "
            "else the variant's price in that channel."
        ),
    )
    services_count = graphene.Int(
        required=True, description="Services on this plan. Requires MANAGE_ORDERS."
    )
    created_at = DateTime(required=True)
    updated_at = DateTime(required=True)

    class Meta:
        interfaces = [relay.Node]
        description = "How a product variant (or a whole product) is sold as a service."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.ServicePlan)

    @classmethod
    def get_node(cls, info, pk):
        staff_only(info)
        return models.ServicePlan.objects.using(read_alias(info)).filter(pk=pk).first()

    @staticmethod
    def resolve_variant_id(root, _info):
        return optional_global_id("ProductVariant", root.variant_id)

    @staticmethod
    def resolve_product_id(root, _info):
        return optional_global_id("Product", root.product_id)

    @staticmethod
    def resolve_product_name(root, info):
        return _catalogue_names(root, info).then(lambda names: names[0])

    @staticmethod
    def resolve_variant_name(root, info):
        return _catalogue_names(root, info).then(lambda names: names[1])

    @staticmethod
    def resolve_price(root, _info):
        if root.price_amount is None:
            return None
        return make_money(root.price_amount, root.currency)

    @staticmethod
    def resolve_prices(root, info):
        return PlanPricesByPlanIdLoader(info.context).load(root.pk).then(
            lambda rows: [
                {"channel_slug": row.channel_slug, "price": make_money(row.amount, row.currency)}
                for row in rows
            ]
        )

    @staticmethod
    def resolve_channel_price(root, _info, channel):
        price = plan_price(root, channel_slug=channel)
        return make_money(price.amount, price.currency) if price else None

    @staticmethod
    def resolve_change_targets(root, info):
        nesting = limits.next_change_target_nesting(info, root)
        return ChangeTargetsByPlanIdLoader(info.context).load(root.pk).then(
            lambda targets: limits.mark_change_targets(targets, nesting)
        )

    @staticmethod
    def resolve_services_count(root, info):
        staff_only(info)
        return ServiceCountByPlanIdLoader(info.context).load(root.pk)




def _catalogue_names(plan, info):
    return CatalogueNamesByPlanKeyLoader(info.context).load((plan.variant_id, plan.product_id))
