"""Root query fields. Thin: authorise, pick the visible rows, filter, paginate."""

import functools

import graphene

from .. import automation, selectors, status_counts
from ..billing.plan_changes import service_change_plan_preview
from ..catalogue import catalogue_variant_search
from ..errors import ServiceError
from ..host import get_host
from ..models import Service as ServiceModel
from ..notifications import failed_emails
from ..owners import customer_data_export
from ..reach import within_reach
from ..validation import MAX_SEARCH_LENGTH
from .auth import actor_for, require_signed_in, require_staff
from .connections import (
    ServiceCancellationRequestCountableConnection,
    ServiceCountableConnection,
    ServicePlanCountableConnection,
    connection_arguments,
    page_connection,
)
from .context import read_alias
from .errors import ServiceGraphQLError
from .filters import (
    ServiceCancellationRequestFilterInput,
    ServiceFilterInput,
    service_filter_arguments,
)
from .ids import decode_id
from .prefetch import prefetch_services, services_page_queryset
from .shared import JSON, Date
from .sorting import (
    CANCELLATION_REQUEST_SORT_KEYS,
    SERVICE_PLAN_SORT_KEYS,
    SERVICE_SORT_KEYS,
    ServiceCancellationRequestSortingInput,
    ServicePlanSortingInput,
    ServiceSortingInput,
    sort_keys,
)
from .types import (
    Service,
    ServiceAutomationStepPreview,
    ServiceCatalogueVariant,
    ServiceFailedEmail,
    ServicePlan,
    ServicePlanChangeQuote,
)
from .visibility import refused_as_not_visible

MAX_SEARCH = MAX_SEARCH_LENGTH


def _as_graphql_error(function):
    """Typed refusals in queries become GraphQL errors (mutations return them as data)."""

    def wrapper(root, info, **kwargs):
        try:
            return function(root, info, **kwargs)
        except ServiceError as error:
            refusal = refused_as_not_visible(info, error)
            if refusal is not None:
                raise refusal from None
            raise ServiceGraphQLError(error.message, code=error.code) from None

    return wrapper


def _list_arguments(sorting_input, filter_input=None, *, search=True) -> dict:
    arguments = {"sort_by": graphene.Argument(sorting_input, description="Sort the list.")}
    if filter_input is not None:
        arguments["filter"] = graphene.Argument(filter_input, description="Filter the list.")
    if search:
        arguments["search"] = graphene.String(description="Search by domain, e-mail, name or product.")
    return arguments | connection_arguments()


def _services_page(
    info, queryset, *, every_service=False, filter=None, search=None, sort_by=None, **page_args
):
    """A page of services with its relations loaded; when the requestor sees every service,
    a list filtered by status alone takes its total from the per-status counts."""
    alias = read_alias(info)
    arguments = service_filter_arguments(filter)
    queryset = selectors.service_filter(queryset.using(alias), **arguments)
    if search:
        queryset = selectors.service_search(queryset, text=search[:MAX_SEARCH])
    keys, descending = sort_keys(sort_by, SERVICE_SORT_KEYS, default=("CREATED_AT", True))
    count = None
    if every_service and not search and _filters_status_only(arguments):
        # The status tabs: counted from the per-status counts, not over every row.
        count = functools.partial(
            status_counts.service_count,
            statuses=arguments.get("statuses"),
            include_archived=arguments.get("include_archived", False),
            using=alias,
        )
    connection = page_connection(
        ServiceCountableConnection, queryset, keys=keys, descending=descending, count=count,
        page_queryset=services_page_queryset(info, queryset), **page_args
    )
    page = connection.page
    if search:
        # A page that holds every match has counted them already.
        whole = not (
            page.has_next_page or page.has_previous_page or page_args.get("after") or page_args.get("before")
        )
        page.count = functools.partial(
            selectors.service_search_count, queryset, text=search[:MAX_SEARCH],
            listed=len(page.nodes) if whole else None,
        )
    prefetch_services(info, page.nodes)
    return connection


def _filters_status_only(arguments: dict) -> bool:
    return not any(
        value for key, value in arguments.items() if key not in ("statuses", "include_archived")
    )


class ServicesQueries(graphene.ObjectType):
    my_services = graphene.ConnectionField(
        ServiceCountableConnection,
        description="The signed-in customer's services (archived ones only when asked for).",
        **_list_arguments(ServiceSortingInput, ServiceFilterInput),
    )
    services = graphene.ConnectionField(
        ServiceCountableConnection,
        description="All services. Requires MANAGE_ORDERS.",
        **_list_arguments(ServiceSortingInput, ServiceFilterInput),
    )
    service = graphene.Field(
        Service,
        id=graphene.Argument(graphene.ID, required=True),
        description="One service: the customer's own, or any for staff.",
    )
    service_cancellation_requests = graphene.ConnectionField(
        ServiceCancellationRequestCountableConnection,
        description="The cancellation review queue. Requires MANAGE_ORDERS.",
        **_list_arguments(
            ServiceCancellationRequestSortingInput, ServiceCancellationRequestFilterInput, search=False
        ),
    )
    service_failed_emails = graphene.List(
        graphene.NonNull(ServiceFailedEmail),
        required=True,
        first=graphene.Int(default_value=50, description="How many, newest first (at most 100)."),
        description="Customer e-mails that could not be sent, newest first. Requires MANAGE_ORDERS.",
    )
    service_plans = graphene.ConnectionField(
        ServicePlanCountableConnection,
        description="Service plans. Requires MANAGE_ORDERS.",
        **_list_arguments(ServicePlanSortingInput, search=False),
    )
    service_plan = graphene.Field(
        ServicePlan,
        id=graphene.Argument(graphene.ID, required=True),
        description="One service plan. Requires MANAGE_ORDERS.",
    )
    service_catalogue_variants = graphene.List(
        graphene.NonNull(ServiceCatalogueVariant),
        required=True,
        search=graphene.String(description="Words to find in the product name, variant name or SKU."),
        first=graphene.Int(default_value=20, description="How many (1 to 100)."),
        description="Saleor's catalogue, for choosing what a plan sells. Requires MANAGE_ORDERS.",
    )

    service_automation_preview = graphene.List(
        graphene.NonNull(ServiceAutomationStepPreview),
        required=True,
        date=Date(description="The day to preview (default: today)."),
        description="What each daily step would do on that day; changes nothing. Requires MANAGE_ORDERS.",
    )
    service_customer_data = graphene.Field(
        JSON,
        required=True,
        email=graphene.String(required=True, description="The customer's e-mail address."),
        description=(
            "Everything kept about one customer (services without credentials, renewals, "
            "cancellation requests, activity logs), to answer a data-access request. "
            "Requires MANAGE_ORDERS."
        ),
    )
    service_change_plan_preview = graphene.Field(
        ServicePlanChangeQuote,
        id=graphene.Argument(graphene.ID, required=True, description="ID of the service."),
        plan_id=graphene.Argument(graphene.ID, required=True, description="The plan to change to."),
        description="The prorated quote for changing a service's plan now.",
    )

    @staticmethod
    @_as_graphql_error
    def resolve_service_automation_preview(_root, info, date=None):
        requestor = require_staff(info)
        with get_host().reading_latest(info.context):
            steps = automation.preview(date, actor=requestor.staff_actor)
            wanted = {pk for step in steps.values() for pk in step["service_ids"]}
            services = ServiceModel.objects.using(read_alias(info)).in_bulk(wanted)
        return [
            {
                "step": name,
                "count": step["count"],
                "services": [services[pk] for pk in step["service_ids"] if pk in services],
            }
            for name, step in steps.items()
        ]

    @staticmethod
    @_as_graphql_error
    def resolve_service_customer_data(_root, info, email):
        requestor = require_staff(info)
        with get_host().reading_latest(info.context):
            return customer_data_export(email=email[:254], actor=requestor.staff_actor)

    @staticmethod
    @_as_graphql_error
    def resolve_service_change_plan_preview(_root, info, id, plan_id):
        requestor = require_signed_in(info)
        with get_host().reading_latest(info.context):
            return service_change_plan_preview(
                service_id=decode_id(id, "Service"),
                target_plan_id=decode_id(plan_id, "ServicePlan", field="plan_id"),
                actor=actor_for(requestor),
            )

    @staticmethod
    @_as_graphql_error
    def resolve_my_services(_root, info, **arguments):
        requestor = require_signed_in(info)
        if requestor.user is None:  # an app has no services of its own
            queryset = selectors.services_for_staff().none()
        else:
            queryset = selectors.services_visible_to_customer(user_id=requestor.user.pk)
        return _services_page(info, queryset, **arguments)

    @staticmethod
    @_as_graphql_error
    def resolve_services(_root, info, **arguments):
        requestor = require_staff(info)
        # Channel-restricted staff get their channels' services, counted over them (the
        # per-status counts are of every channel).
        queryset = within_reach(selectors.services_for_staff(), requestor.staff_actor)
        every_service = requestor.channel_slugs is None
        return _services_page(info, queryset, every_service=every_service, **arguments)

    @staticmethod
    @_as_graphql_error
    def resolve_service(_root, info, id):
        require_signed_in(info)
        return Service.with_password(Service.get_node(info, decode_id(id, "Service")))

    @staticmethod
    @_as_graphql_error
    def resolve_service_cancellation_requests(
        _root, info, filter=None, sort_by=None, **page_args
    ):
        requestor = require_staff(info)
        queryset = within_reach(
            selectors.cancellation_requests_for_staff(statuses=(filter or {}).get("status")),
            requestor.staff_actor,
            through="service__",
        ).using(read_alias(info))
        keys, descending = sort_keys(
            sort_by, CANCELLATION_REQUEST_SORT_KEYS, default=("CREATED_AT", True)
        )
        return page_connection(
            ServiceCancellationRequestCountableConnection,
            queryset,
            keys=keys,
            descending=descending,
            **page_args,
        )

    @staticmethod
    @_as_graphql_error
    def resolve_service_failed_emails(_root, info, first=50):
        requestor = require_staff(info)
        limit = max(0, min(first, 100))
        return list(failed_emails(actor=requestor.staff_actor).using(read_alias(info))[:limit])

    @staticmethod
    @_as_graphql_error
    def resolve_service_plans(_root, info, sort_by=None, **page_args):
        require_staff(info)
        keys, descending = sort_keys(sort_by, SERVICE_PLAN_SORT_KEYS, default=("NAME", False))
        return page_connection(
            ServicePlanCountableConnection,
            selectors.service_plans().using(read_alias(info)),
            keys=keys,
            descending=descending,
            **page_args,
        )

    @staticmethod
    @_as_graphql_error
    def resolve_service_catalogue_variants(_root, info, search=None, first=20):
        require_staff(info)
        with get_host().reading(info.context):
            return catalogue_variant_search(
                search=search, first=20 if first is None else first, using=read_alias(info)
            )

    @staticmethod
    @_as_graphql_error
    def resolve_service_plan(_root, info, id):
        require_staff(info)
        return ServicePlan.get_node(info, decode_id(id, "ServicePlan"))

