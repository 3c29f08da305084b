import graphene

from ..money_text import money_text, money_text_field
from ..shared import Date, Money, make_money
from .plan import ServicePlan


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
    current_amount_text = money_text_field("The current amount")
    new_amount_text = money_text_field("The new amount")
    prorated_amount_text = money_text_field("The prorated amount")
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

    @staticmethod
    def resolve_current_amount_text(root, _info, locale=None):
        return money_text(root.current_amount, root.currency, locale)

    @staticmethod
    def resolve_new_amount_text(root, _info, locale=None):
        return money_text(root.new_amount, root.currency, locale)

    @staticmethod
    def resolve_prorated_amount_text(root, _info, locale=None):
        return money_text(root.prorated_amount, root.currency, locale)
