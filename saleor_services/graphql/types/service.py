import graphene
from graphene import relay
from promise import Promise

from ... import models
from ...available_actions import customer_actions, staff_actions
from ...credentials import CredentialsUnavailable
from ...host import get_host
from ..auth import is_staff
from ..dataloaders import (
    EventCountByServiceIdLoader,
    EventsByServiceIdLoader,
    OpenCancellationRequestByServiceIdLoader,
    PlanByIdLoader,
    RenewalsByServiceIdLoader,
    then,
)
from ..enums import (
    ServiceActionEnum,
    ServiceBillingCycleEnum,
    ServiceProvisioningStateEnum,
    ServiceStatusEnum,
)
from ..errors import ServiceGraphQLError
from ..money_text import money_text, money_text_field
from ..shared import JSON, UUID, Date, DateTime, MetadataItem, Money, make_money
from ..visibility import (
    PASSWORD_VISIBLE,
    STAFF_ONLY_EVENTS,
    not_visible,
    staff_only,
    visible_services,
)
from .cancellation_request import ServiceCancellationRequest
from .event import ServiceEvent
from .plan import ServicePlan
from .renewal import ServiceRenewal


def _metadata(items: dict) -> list[dict]:
    return [{"key": key, "value": value} for key, value in sorted(items.items())]


# Fields whose types are the host's own (inside Saleor: `order: Order`, `user: User`).
_HostFields = type("ServiceHostFields", (), get_host().service_fields())


class Service(_HostFields, graphene.ObjectType):
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    plan = graphene.Field(ServicePlan, required=True)
    pending_plan = graphene.Field(ServicePlan, description="A downgrade waiting for the next renewal.")
    domain = graphene.String(required=True, description="Primary domain or label.")
    billing_cycle = ServiceBillingCycleEnum(required=True)
    recurring_amount = graphene.Field(Money, required=True, description="Charged each renewal.")
    recurring_amount_text = money_text_field("What each renewal charges")
    next_due_date = Date(description="When the next renewal falls due; none for one-time.")
    status = ServiceStatusEnum(required=True)
    user_email = graphene.String(required=True)
    customer_name = graphene.String(required=True)
    order_id = UUID(required=True, description="The order the service was bought in.")
    channel_slug = graphene.String(required=True)
    created_at = DateTime(required=True)
    activated_at = DateTime()
    updated_at = DateTime(required=True)
    suspended_at = DateTime()
    suspension_reason = graphene.String(required=True)
    paused_at = DateTime()
    resume_on = Date(description="When a paused service resumes by itself.")
    cancelled_at = DateTime()
    terminated_at = DateTime()
    options = JSON(required=True, description="Configurable options chosen at order time.")
    server_hostname = graphene.String(required=True)
    username = graphene.String(required=True)
    package_name = graphene.String(required=True)
    password = graphene.String(
        description=(
            "The provisioned password; only when one service is queried with "
            "`service(id:)`, never through `node(id:)`, lists or other fields. Null with a "
            "CREDENTIALS_UNAVAILABLE error when the encryption keys cannot decrypt it."
        )
    )
    provisioning_state = ServiceProvisioningStateEnum(
        required=True, description="Requires MANAGE_ORDERS."
    )
    provisioning_error = graphene.String(required=True, description="Requires MANAGE_ORDERS.")
    metadata = graphene.List(graphene.NonNull(MetadataItem), required=True)
    private_metadata = graphene.List(
        graphene.NonNull(MetadataItem), required=True, description="Requires MANAGE_ORDERS."
    )
    cancellation_pending = graphene.Boolean(
        required=True, description="An open cancellation request exists."
    )
    cancellation_request = graphene.Field(
        ServiceCancellationRequest, description="The open cancellation request, if any."
    )
    cancellation_effective_date = Date(description="When the open cancellation takes effect.")
    can_pause = graphene.Boolean(required=True, description="The customer may pause it now.")
    can_resume = graphene.Boolean(required=True, description="The customer may resume it now.")
    can_cancel = graphene.Boolean(
        required=True, description="The customer may request its cancellation now."
    )
    can_withdraw_cancellation = graphene.Boolean(
        required=True, description="The customer may withdraw the pending request now."
    )
    can_reactivate = graphene.Boolean(
        required=True, description="The customer may reactivate the cancelled service now."
    )
    available_actions = graphene.List(
        graphene.NonNull(ServiceActionEnum),
        required=True,
        description=(
            "What the caller may do now: for staff every action the lifecycle allows "
            "from the status; for the owner the self-service actions the plan allows."
        ),
    )
    renewals = graphene.List(graphene.NonNull(ServiceRenewal), required=True)
    events = graphene.List(
        graphene.NonNull(ServiceEvent),
        required=True,
        description="The activity log (customers see their part of it).",
    )
    events_count = graphene.Int(required=True)

    class Meta:
        interfaces = [relay.Node]
        description = "A service a customer bought, with its billing lifecycle."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.Service)

    @classmethod
    def get_node(cls, info, pk):
        """One service the requestor may see, for `node(id:)` and `service(id:)` alike;
        only `service(id:)` then marks it PASSWORD_VISIBLE (see `with_password`)."""
        service = visible_services(info).filter(pk=pk).first()
        return service if service is not None else not_visible(info)

    @staticmethod
    def with_password(service):
        """The service as `service(id:)` answers it: the one place its password shows."""
        if service is not None:
            setattr(service, PASSWORD_VISIBLE, True)
        return service

    @staticmethod
    def resolve_plan(root, info):
        return PlanByIdLoader(info.context).load_ready(root.plan_id)

    @staticmethod
    def resolve_pending_plan(root, info):
        if root.pending_plan_id is None:
            return None
        return PlanByIdLoader(info.context).load(root.pending_plan_id)

    @staticmethod
    def resolve_recurring_amount(root, _info):
        return make_money(root.recurring_amount, root.currency)

    @staticmethod
    def resolve_recurring_amount_text(root, _info, locale=None):
        return money_text(root.recurring_amount, root.currency, locale)

    @staticmethod
    def resolve_password(root, _info):
        if not getattr(root, PASSWORD_VISIBLE, False):
            return None
        try:
            return root.password.reveal() or None
        except CredentialsUnavailable as error:  # only this field: the service is served
            raise ServiceGraphQLError(error.message, code=error.code) from None

    @staticmethod
    def resolve_provisioning_state(root, info):
        staff_only(info)
        return root.provisioning_state

    @staticmethod
    def resolve_provisioning_error(root, info):
        staff_only(info)
        return root.provisioning_error

    @staticmethod
    def resolve_metadata(root, _info):
        return _metadata(root.metadata)

    @staticmethod
    def resolve_private_metadata(root, info):
        staff_only(info)
        return _metadata(root.private_metadata)

    @staticmethod
    def _open_request(root, info):
        return OpenCancellationRequestByServiceIdLoader(info.context).load_ready(root.pk)

    @staticmethod
    def resolve_cancellation_pending(root, info):
        return then(Service._open_request(root, info), lambda request: request is not None)

    @staticmethod
    def resolve_cancellation_request(root, info):
        return Service._open_request(root, info)

    @staticmethod
    def resolve_cancellation_effective_date(root, info):
        return then(
            Service._open_request(root, info),
            lambda request: request.effective_date if request else None,
        )

    @staticmethod
    def _actions(root, info):
        plan = PlanByIdLoader(info.context).load_ready(root.plan_id)
        request = Service._open_request(root, info)

        def build(loaded):
            plan_row, open_request = loaded
            root.plan = plan_row
            return customer_actions(root, open_request)

        if isinstance(plan, Promise) or isinstance(request, Promise):
            return Promise.all([plan, request]).then(build)
        return build((plan, request))

    @staticmethod
    def resolve_can_pause(root, info):
        return then(Service._actions(root, info), lambda actions: actions.can_pause)

    @staticmethod
    def resolve_can_resume(root, info):
        return then(Service._actions(root, info), lambda actions: actions.can_resume)

    @staticmethod
    def resolve_can_cancel(root, info):
        return then(Service._actions(root, info), lambda actions: actions.can_cancel)

    @staticmethod
    def resolve_can_withdraw_cancellation(root, info):
        return then(
            Service._actions(root, info), lambda actions: actions.can_withdraw_cancellation
        )

    @staticmethod
    def resolve_can_reactivate(root, info):
        return then(Service._actions(root, info), lambda actions: actions.can_reactivate)

    @staticmethod
    def resolve_available_actions(root, info):
        if is_staff(info):
            return staff_actions(root)
        return then(Service._actions(root, info), lambda actions: actions.as_list())

    @staticmethod
    def resolve_renewals(root, info):
        return RenewalsByServiceIdLoader(info.context).load_ready(root.pk)

    @staticmethod
    def resolve_events(root, info):
        staff = is_staff(info)
        return then(
            EventsByServiceIdLoader(info.context).load_ready(root.pk),
            lambda events: events
            if staff
            else [event for event in events if event.type not in STAFF_ONLY_EVENTS],
        )

    @staticmethod
    def resolve_events_count(root, info):
        if is_staff(info):
            return EventCountByServiceIdLoader(info.context).load_ready(root.pk)
        return then(Service.resolve_events(root, info), len)
