from datetime import date

import graphene
from graphene import relay

from ... import models
from ..auth import is_staff
from ..dataloaders import UserEmailByIdLoader
from ..enums import ServiceActorTypeEnum, ServiceEventTypeEnum, ServiceStatusEnum
from ..ids import optional_global_id
from ..shared import JSON, Date, DateTime
from ..visibility import staff_only


class ServiceEvent(graphene.ObjectType):
    date = DateTime(required=True)
    type = ServiceEventTypeEnum(required=True)
    actor_type = ServiceActorTypeEnum(required=True)
    actor_email = graphene.String(description="The staff user or customer who acted (staff only).")
    app_id = graphene.ID(description="The app that acted (staff only).")
    old_status = ServiceStatusEnum()
    new_status = ServiceStatusEnum()
    reason = graphene.String()
    note = graphene.String()
    effective_date = Date()
    parameters = JSON(description="Everything recorded with the event. Requires MANAGE_ORDERS.")

    class Meta:
        interfaces = [relay.Node]
        description = "An entry of a service's activity log."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.ServiceEvent)

    @staticmethod
    def resolve_actor_email(root, info):
        if root.user_id is None or not is_staff(info):
            return None
        return UserEmailByIdLoader(info.context).load(root.user_id)

    @staticmethod
    def resolve_app_id(root, info):
        return optional_global_id("App", root.app_id) if is_staff(info) else None

    @staticmethod
    def resolve_old_status(root, _info):
        return root.parameters.get("old_status")

    @staticmethod
    def resolve_new_status(root, _info):
        return root.parameters.get("new_status")

    @staticmethod
    def resolve_reason(root, _info):
        return root.parameters.get("reason")

    @staticmethod
    def resolve_note(root, _info):
        return root.parameters.get("note")

    @staticmethod
    def resolve_effective_date(root, _info):
        value = root.parameters.get("effective_date")
        return date.fromisoformat(value) if value else None

    @staticmethod
    def resolve_parameters(root, info):
        staff_only(info)
        return root.parameters


