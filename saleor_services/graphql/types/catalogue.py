import graphene

from ..dataloaders import PlanByCatalogueVariantLoader
from ..ids import global_id
from ..shared import make_money
from .plan import ServicePlan, ServicePlanChannelPrice


class ServiceCatalogueVariant(graphene.ObjectType):
    id = graphene.ID(
        required=True,
        description="The variant's global id (ProductVariant:<pk>), as servicePlanCreate's variantId takes it.",
    )
    product_id = graphene.ID(required=True, description="Its product's global id (Product:<pk>).")
    product_name = graphene.String(required=True)
    name = graphene.String(required=True, description="The variant's own name (empty when it has none).")
    sku = graphene.String()
    prices = graphene.List(
        graphene.NonNull(ServicePlanChannelPrice),
        required=True,
        description="Its price in each channel where it is listed and priced, as entered in the channel.",
    )
    plan = graphene.Field(ServicePlan, description="The plan that already sells this variant, if any.")

    class Meta:
        description = "A product variant of the store's catalogue, as staff choose what a plan sells."

    @staticmethod
    def resolve_id(root, _info):
        return global_id("ProductVariant", root.variant_id)

    @staticmethod
    def resolve_product_id(root, _info):
        return global_id("Product", root.product_id)

    @staticmethod
    def resolve_prices(root, _info):
        return [
            {"channel_slug": price.channel_slug, "price": make_money(price.amount, price.currency)}
            for price in root.prices
        ]

    @staticmethod
    def resolve_plan(root, info):
        return PlanByCatalogueVariantLoader(info.context).load((root.variant_id, root.product_id))
