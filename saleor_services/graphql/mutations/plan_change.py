import graphene

from ...billing.plan_changes import service_change_plan
from ..auth import actor_for
from ..ids import decode_id
from ..types import Service, ServicePlanChangeQuote, ServiceRenewal
from .base import ServiceMutation


class ServiceChangePlan(ServiceMutation):
    service = graphene.Field(Service)
    quote = graphene.Field(ServicePlanChangeQuote)
    renewal = graphene.Field(ServiceRenewal, description="For an upgrade: the charge to pay.")
    staff_only = False

    class Arguments:
        id = graphene.ID(required=True, description="ID of the service.")
        plan_id = graphene.ID(required=True, description="One of the plan's change targets.")

    class Meta:
        description = (
            "Change a service's plan: an upgrade is charged prorated now and switches when "
            "paid; a downgrade takes effect at the next renewal."
        )

    @classmethod
    def perform(cls, info, requestor, id, plan_id):
        service, quote, charge = service_change_plan(
            service_id=decode_id(id, "Service"),
            target_plan_id=decode_id(plan_id, "ServicePlan", field="plan_id"),
            actor=actor_for(requestor),
        )
        return cls(service=service, quote=quote, renewal=charge, errors=[])
