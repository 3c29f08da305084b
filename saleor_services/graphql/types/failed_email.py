import graphene

from ... import models
from ..enums import ServiceEventTypeEnum
from ..ids import optional_global_id
from ..shared import DateTime


class ServiceFailedEmail(graphene.ObjectType):
    """A customer e-mail that could not be sent after every try (staff only)."""

    id = graphene.ID(required=True, description="ID of the activity-log entry that owes the e-mail.")
    service = graphene.Field("saleor_services.graphql.types.service.Service", required=True)
    event_type = ServiceEventTypeEnum(required=True, description="What the e-mail is about.")
    date = DateTime(required=True, description="When its event happened.")
    recipient = graphene.String(required=True)
    attempts = graphene.Int(required=True)
    error = graphene.String(required=True, description="The last try's error.")

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.ServiceEvent)

    @staticmethod
    def resolve_id(root, _info):
        return optional_global_id("ServiceEvent", root.pk)

    @staticmethod
    def resolve_event_type(root, _info):
        return root.type

    @staticmethod
    def resolve_recipient(root, _info):
        return root.service.user_email

    @staticmethod
    def resolve_attempts(root, _info):
        return root.email_attempts

    @staticmethod
    def resolve_error(root, _info):
        return root.email_error
