"""GraphQL object types. Resolvers are thin: loaders for relations, the domain for rules."""

from datetime import date

import graphene
from django.apps import apps
from graphene import relay
from promise import Promise

from .. import models
from ..customer_actions import customer_actions
from ..enums import ServiceEventType as EventType
from .auth import is_staff
from .dataloaders import (
    ChangeTargetsByPlanIdLoader,
    EventCountByServiceIdLoader,
    EventsByServiceIdLoader,
    OpenCancellationRequestByServiceIdLoader,
    PlanByIdLoader,
    RenewalsByServiceIdLoader,
    ServiceByIdLoader,
    ServiceCountByPlanIdLoader,
    UserEmailByIdLoader,
    then,
)
from .enums import (
    ServiceActivationModeEnum,
    ServiceActorTypeEnum,
    ServiceBillingCycleEnum,
    ServiceCancellationModeEnum,
    ServiceCancellationRequestStatusEnum,
    ServiceCancellationTypeEnum,
    ServiceEventTypeEnum,
    ServiceProvisioningStateEnum,
    ServiceRenewalKindEnum,
    ServiceRenewalStatusEnum,
    ServiceStatusEnum,
)
from .host import get_host, read_alias, requestor_from
from .ids import global_id
from .shared import JSON, UUID, Date, DateTime, MetadataItem, Money, make_money

IN_SALEOR = apps.is_installed("saleor.graphql")

# What a customer's activity log leaves out: internal steps and staff-only verdicts.
STAFF_ONLY_EVENTS = frozenset(
    {
        EventType.MARKED_FRAUD,
        EventType.ARCHIVED,
        EventType.PROVISIONING_QUEUED,
        EventType.PROVISIONING_SUCCEEDED,
        EventType.PROVISIONING_FAILED,
        EventType.UPDATED,
        EventType.OWNER_REMOVED,
    }
)

# Set on a service fetched on its own (`service(id)`): the one place its password shows.
PASSWORD_VISIBLE = "_saleor_services_password_visible"


def _staff_only(info) -> None:
    if not is_staff(info):
        raise get_host().permission_denied(staff=True)


def _metadata(items: dict) -> list[dict]:
    return [{"key": key, "value": value} for key, value in sorted(items.items())]


def _saleor_id(type_name: str, pk) -> str | None:
    return global_id(type_name, pk) if pk is not None else None


def visible_services(info):
    """Services the requestor may see: all for staff, their own for a customer."""
    requestor = requestor_from(info)
    services = models.Service.objects.using(read_alias(info))
    if requestor.can_manage_services:
        return services.all()
    if requestor.user is None:
        return services.none()
    return services.filter(user_id=requestor.user.pk)


class ServicePlan(graphene.ObjectType):
    name = graphene.String(required=True)
    variant_id = graphene.ID(description="The Saleor product variant sold under this plan.")
    product_id = graphene.ID(description="The Saleor product whose variants it covers.")
    billing_cycle = ServiceBillingCycleEnum(required=True)
    allow_pause = graphene.Boolean(required=True, description="Customers may pause.")
    allow_cancel = graphene.Boolean(required=True, description="Customers may cancel.")
    cancellation_mode = ServiceCancellationModeEnum(required=True)
    notice_period_days = graphene.Int(required=True)
    activation_mode = ServiceActivationModeEnum(required=True)
    automation_overrides = JSON(
        required=True, description="Per-plan day offsets of the daily automation."
    )
    change_targets = graphene.List(
        graphene.NonNull(lambda: ServicePlan),
        required=True,
        description="Plans a service of this plan may change to.",
    )
    price = graphene.Field(Money, description="The plan's recurring price, for plan changes.")
    services_count = graphene.Int(
        required=True, description="Services on this plan. Requires MANAGE_ORDERS."
    )
    created_at = DateTime(required=True)
    updated_at = DateTime(required=True)

    class Meta:
        interfaces = [relay.Node]
        description = "How a product variant (or a whole product) is sold as a service."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.ServicePlan)

    @classmethod
    def get_node(cls, info, pk):
        _staff_only(info)
        return models.ServicePlan.objects.using(read_alias(info)).filter(pk=pk).first()

    @staticmethod
    def resolve_variant_id(root, _info):
        return _saleor_id("ProductVariant", root.variant_id)

    @staticmethod
    def resolve_product_id(root, _info):
        return _saleor_id("Product", root.product_id)

    @staticmethod
    def resolve_price(root, _info):
        if root.price_amount is None:
            return None
        return make_money(root.price_amount, root.currency)

    @staticmethod
    def resolve_change_targets(root, info):
        return ChangeTargetsByPlanIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_services_count(root, info):
        _staff_only(info)
        return ServiceCountByPlanIdLoader(info.context).load(root.pk)


class ServiceRenewal(graphene.ObjectType):
    kind = ServiceRenewalKindEnum(required=True)
    target_plan = graphene.Field(ServicePlan, description="For an upgrade: the plan it buys.")
    payment_url = graphene.String(description="Where the customer pays it, if the host has a page.")
    period_start = Date(required=True)
    period_end = Date(required=True)
    amount = graphene.Field(Money, required=True)
    due_date = Date(required=True)
    status = ServiceRenewalStatusEnum(required=True)
    order_id = UUID(description="The order that pays this renewal.")
    paid_at = DateTime()
    created_at = DateTime(required=True)

    class Meta:
        interfaces = [relay.Node]
        description = "The renewal invoice of one billing period."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.Renewal)

    @classmethod
    def get_node(cls, info, pk):
        return (
            models.Renewal.objects.using(read_alias(info))
            .filter(pk=pk, service__in=visible_services(info))
            .first()
        )

    @staticmethod
    def resolve_amount(root, _info):
        return make_money(root.amount, root.currency)

    @staticmethod
    def resolve_target_plan(root, info):
        if root.target_plan_id is None:
            return None
        return PlanByIdLoader(info.context).load(root.target_plan_id)

    @staticmethod
    def resolve_payment_url(root, _info):
        return root.payment_url or None


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
        return _saleor_id("App", root.app_id) if is_staff(info) else None

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
        _staff_only(info)
        return root.parameters


class ServiceCancellationRequest(graphene.ObjectType):
    service = graphene.Field(lambda: Service, required=True)
    type = ServiceCancellationTypeEnum(required=True)
    reason = graphene.String(required=True)
    status = ServiceCancellationRequestStatusEnum(required=True)
    effective_date = Date(required=True, description="When the cancellation takes effect.")
    requested_by_type = ServiceActorTypeEnum(required=True)
    decided_by_type = ServiceActorTypeEnum()
    decision_note = graphene.String(required=True)
    decided_at = DateTime()
    created_at = DateTime(required=True)
    updated_at = DateTime(required=True)

    class Meta:
        interfaces = [relay.Node]
        description = "A request to cancel a service, reviewed by staff or approved by the plan."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.CancellationRequest)

    @classmethod
    def get_node(cls, info, pk):
        return (
            models.CancellationRequest.objects.using(read_alias(info))
            .filter(pk=pk, service__in=visible_services(info))
            .first()
        )

    @staticmethod
    def resolve_service(root, info):
        return ServiceByIdLoader(info.context).load(root.service_id)

    @staticmethod
    def resolve_decided_by_type(root, _info):
        return root.decided_by_type or None


class Service(graphene.ObjectType):
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    plan = graphene.Field(ServicePlan, required=True)
    pending_plan = graphene.Field(ServicePlan, description="A downgrade waiting for the next renewal.")
    domain = graphene.String(required=True, description="Primary domain or label.")
    billing_cycle = ServiceBillingCycleEnum(required=True)
    recurring_amount = graphene.Field(Money, required=True, description="Charged each renewal.")
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
            "`service(id:)`, never in lists."
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
    renewals = graphene.List(graphene.NonNull(ServiceRenewal), required=True)
    events = graphene.List(
        graphene.NonNull(ServiceEvent),
        required=True,
        description="The activity log (customers see their part of it).",
    )
    events_count = graphene.Int(required=True)

    if IN_SALEOR:
        from ..saleor.graphql_fields import order_field, user_field

        order = order_field()
        user = user_field()

    class Meta:
        interfaces = [relay.Node]
        description = "A service a customer bought, with its billing lifecycle."

    @classmethod
    def is_type_of(cls, root, _info):
        return isinstance(root, models.Service)

    @classmethod
    def get_node(cls, info, pk):
        service = visible_services(info).filter(pk=pk).first()
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
    def resolve_password(root, _info):
        if not getattr(root, PASSWORD_VISIBLE, False):
            return None
        return root.password.reveal() or None

    @staticmethod
    def resolve_provisioning_state(root, info):
        _staff_only(info)
        return root.provisioning_state

    @staticmethod
    def resolve_provisioning_error(root, info):
        _staff_only(info)
        return root.provisioning_error

    @staticmethod
    def resolve_metadata(root, _info):
        return _metadata(root.metadata)

    @staticmethod
    def resolve_private_metadata(root, info):
        _staff_only(info)
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
