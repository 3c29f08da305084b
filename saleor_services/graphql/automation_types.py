import graphene

from .shared import Date, Money, make_money
from .types import Service, ServicePlan


class ServiceAutomationStepPreview(graphene.ObjectType):
    step = graphene.String(required=True, description="The daily step, in running order.")
    count = graphene.Int(required=True, description="How many services it would take up.")
    services = graphene.List(
        graphene.NonNull(Service), required=True, description="The first 100 of them."
    )


class ServicePlanChangeQuote(graphene.ObjectType):
    target_plan = graphene.Field(ServicePlan, required=True)
    current_amount = graphene.Field(Money, required=True)
    new_amount = graphene.Field(Money, required=True)
    prorated_amount = graphene.Field(
        Money,
        required=True,
        description="Positive: to pay now for the rest of the period (upgrade). Otherwise "
        "the change takes effect at the next renewal (downgrade).",
    )
    period_start = Date(required=True)
    period_end = Date(required=True)
    days_left = graphene.Int(required=True)
    days_in_period = graphene.Int(required=True)
    is_upgrade = graphene.Boolean(required=True)

    @staticmethod
    def resolve_current_amount(root, _info):
        return make_money(root.current_amount, root.currency)

    @staticmethod
    def resolve_new_amount(root, _info):
        return make_money(root.new_amount, root.currency)

    @staticmethod
    def resolve_prorated_amount(root, _info):
        return make_money(root.prorated_amount, root.currency)
