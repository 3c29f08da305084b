import graphene

from ...lifecycle import service_provisioning_retry
from ...plan_changes import service_change_plan
from ...renewals import renewal_mark_paid
from ..auth import actor_for
from ..automation_types import ServicePlanChangeQuote
from ..ids import decode_id
from ..types import Service, ServiceRenewal
from .base import ServiceMutation


class ServiceRenewalMarkPaid(ServiceMutation):
    renewal = graphene.Field(ServiceRenewal)
    service = graphene.Field(Service)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the renewal.")

    class Meta:
        description = (
            "Record that a renewal (or upgrade charge) was paid: the service moves on one "
            "period and a non-payment suspension lifts. Paying twice counts once. "
            "Requires MANAGE_ORDERS."
        )

    @classmethod
    def perform(cls, info, requestor, id):
        renewal = renewal_mark_paid(renewal_id=decode_id(id, "ServiceRenewal"), actor=requestor.staff_actor)
        renewal.service.refresh_from_db()
        return cls(renewal=renewal, service=renewal.service, errors=[])


class ServiceProvisioningRetry(ServiceMutation):
    service = graphene.Field(Service)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the service.")

    class Meta:
        description = "Provision a pending service again after a failure. Requires MANAGE_ORDERS."

    @classmethod
    def perform(cls, info, requestor, id):
        service = service_provisioning_retry(service_id=decode_id(id, "Service"), actor=requestor.staff_actor)
        return cls(service=service, errors=[])


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
            target_plan_id=decode_id(plan_id, "ServicePlan", field="planId"),
            actor=actor_for(requestor),
        )
        return cls(service=service, quote=quote, renewal=charge, errors=[])
