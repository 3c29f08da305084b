import graphene

from ...billing.renewals import renewal_mark_paid
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
