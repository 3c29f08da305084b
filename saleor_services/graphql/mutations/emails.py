import graphene

from ...notifications import email_retry
from ..ids import decode_id
from ..types import ServiceEvent
from .base import ServiceMutation


class ServiceEmailRetry(ServiceMutation):
    event = graphene.Field(ServiceEvent, description="The entry whose e-mail is pending again.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a failed e-mail (its activity-log entry).")

    class Meta:
        description = "Send a failed customer e-mail again, with fresh tries. Requires MANAGE_ORDERS."

    @classmethod
    def perform(cls, info, requestor, id):
        event_id = decode_id(id, "ServiceEvent")
        return cls(event=email_retry(event_id=event_id, actor=requestor.staff_actor), errors=[])
