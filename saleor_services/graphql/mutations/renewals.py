import graphene

from ...billing.renewals import (
    renewal_mark_paid,
    renewal_record_refund,
    renewal_reopen,
    renewal_void,
)
from ..ids import decode_id
from ..limits import REASON_BOUND
from ..shared import PositiveDecimal
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


class ServiceRenewalVoid(ServiceMutation):
    renewal = graphene.Field(ServiceRenewal)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the renewal.")
        reason = graphene.String(
            description="Why it is voided (kept in the activity log)." + REASON_BOUND
        )

    class Meta:
        description = (
            "Void an open (or failed) renewal or upgrade charge: nothing is left to pay and "
            "its payable document is released. Requires MANAGE_ORDERS."
        )

    @classmethod
    def perform(cls, info, requestor, id, reason=""):
        renewal = renewal_void(
            renewal_id=decode_id(id, "ServiceRenewal"), actor=requestor.staff_actor, reason=reason or ""
        )
        return cls(renewal=renewal, errors=[])


class ServiceRenewalReopen(ServiceMutation):
    renewal = graphene.Field(ServiceRenewal)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the renewal.")

    class Meta:
        description = (
            "Open a failed renewal again (after fixing what stopped its payable document), "
            "so its document is made anew. Requires MANAGE_ORDERS."
        )

    @classmethod
    def perform(cls, info, requestor, id):
        renewal = renewal_reopen(renewal_id=decode_id(id, "ServiceRenewal"), actor=requestor.staff_actor)
        return cls(renewal=renewal, errors=[])


class ServiceRenewalRecordRefund(ServiceMutation):
    renewal = graphene.Field(ServiceRenewal)
    service = graphene.Field(Service)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the renewal.")
        amount = PositiveDecimal(required=True, description="The amount given back.")

    class Meta:
        description = (
            "Record money given back for a paid renewal (inside Saleor, Saleor's refunds "
            "are recorded by themselves). Refunding all of it takes the period back: if it "
            "was the latest paid one, the next due date returns to its start. "
            "Requires MANAGE_ORDERS."
        )

    @classmethod
    def perform(cls, info, requestor, id, amount):
        renewal = renewal_record_refund(
            renewal_id=decode_id(id, "ServiceRenewal"), amount=amount, actor=requestor.staff_actor
        )
        renewal.service.refresh_from_db()
        return cls(renewal=renewal, service=renewal.service, errors=[])
