import graphene

from ... import plans
from ..enums import ServiceActivationModeEnum, ServiceBillingCycleEnum, ServiceCancellationModeEnum
from ..ids import decode_id, decode_ids
from ..limits import PLAN_NAME_BOUND
from ..shared import JSON, PositiveDecimal
from ..types import ServicePlan
from .base import ServiceMutation


class ServicePlanPriceInput(graphene.InputObjectType):
    amount = PositiveDecimal(required=True, description="As entered in the channel, before discounts.")
    currency = graphene.String(required=True, description="ISO 4217 code, e.g. USD.")


class ServicePlanChannelPriceInput(graphene.InputObjectType):
    channel_slug = graphene.String(required=True, description="The Saleor channel's slug.")
    amount = PositiveDecimal(required=True, description="As entered in the channel, before discounts.")
    currency = graphene.String(required=True, description="The channel's currency (ISO 4217).")


def _plan_input_fields(required_name: bool) -> dict:
    return {
        "name": graphene.String(required=required_name, description="Name of the plan." + PLAN_NAME_BOUND),
        "variant_id": graphene.ID(description="The Saleor product variant sold as a service."),
        "product_id": graphene.ID(description="A Saleor product all of whose variants are."),
        "billing_cycle": ServiceBillingCycleEnum(),
        "allow_pause": graphene.Boolean(description="Customers may pause (default true)."),
        "allow_cancel": graphene.Boolean(description="Customers may cancel (default true)."),
        "allow_reactivation": graphene.Boolean(
            description="Customers may reactivate a cancelled service before it is terminated, "
            "paying a new period (default false)."
        ),
        "cancellation_mode": ServiceCancellationModeEnum(),
        "notice_period_days": graphene.Int(),
        "activation_mode": ServiceActivationModeEnum(),
        "automation_overrides": JSON(description="Per-plan day offsets, e.g. {\"GRACE_DAYS\": 5}."),
        "change_targets": graphene.List(
            graphene.NonNull(graphene.ID), description="Plans a service may change to."
        ),
        "default_price": ServicePlanPriceInput(
            description="The plan's price in channels without one of their own; null clears it "
            "(the variant's channel price then applies)."
        ),
        "prices": graphene.List(
            graphene.NonNull(ServicePlanChannelPriceInput),
            description="The plan's price per channel (replaces them all).",
        ),
    }


ServicePlanCreateInput = type(
    "ServicePlanCreateInput", (graphene.InputObjectType,), _plan_input_fields(required_name=True)
)
ServicePlanUpdateInput = type(
    "ServicePlanUpdateInput", (graphene.InputObjectType,), _plan_input_fields(required_name=False)
)


def _domain_arguments(data) -> dict:
    """Input as the domain takes it: Saleor ids decoded, explicit nulls kept only where
    they mean something (clearing the variant or product)."""
    arguments = {}
    for key, value in data.items():
        if key == "variant_id":
            arguments[key] = decode_id(value, "ProductVariant", field="variant_id") if value else None
        elif key == "product_id":
            arguments[key] = decode_id(value, "Product", field="product_id") if value else None
        elif key == "default_price":
            arguments[key] = dict(value) if value is not None else None
        elif key == "prices":
            if value is not None:
                arguments[key] = [dict(price) for price in value]
        elif key == "change_targets":
            if value is not None:
                arguments["change_target_ids"] = decode_ids(value, "ServicePlan", field="change_targets")
        elif value is not None:
            arguments[key] = value
    return arguments


class ServicePlanCreate(ServiceMutation):
    service_plan = graphene.Field(ServicePlan)

    class Arguments:
        input = ServicePlanCreateInput(required=True)

    class Meta:
        description = "Sell a variant (or product) as a service. Requires MANAGE_ORDERS."

    @classmethod
    def perform(cls, info, requestor, input):
        plan = plans.service_plan_create(**_domain_arguments(input))
        return cls(service_plan=plan, errors=[])


class ServicePlanUpdate(ServiceMutation):
    service_plan = graphene.Field(ServicePlan)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the plan.")
        input = ServicePlanUpdateInput(required=True)

    class Meta:
        description = "Change a plan (existing services keep their cycle and price). Requires MANAGE_ORDERS."

    @classmethod
    def perform(cls, info, requestor, id, input):
        plan = plans.service_plan_update(
            plan_id=decode_id(id, "ServicePlan"), **_domain_arguments(input)
        )
        return cls(service_plan=plan, errors=[])


class ServicePlanDelete(ServiceMutation):
    service_plan = graphene.Field(ServicePlan)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the plan.")

    class Meta:
        description = "Delete a plan that no service uses. Requires MANAGE_ORDERS."

    @classmethod
    def perform(cls, info, requestor, id):
        plan = plans.service_plan_delete(plan_id=decode_id(id, "ServicePlan"))
        return cls(service_plan=plan, errors=[])
