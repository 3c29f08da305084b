"""Batch loaders (one query per kind of row per request, whatever the page size)."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Count
from promise import Promise
from promise.dataloader import DataLoader

from ..catalogue import catalogue_names_of_plans
from ..host import get_host
from ..models import (
    CancellationRequest,
    Renewal,
    Service,
    ServiceEvent,
    ServicePlan,
    ServicePlanPrice,
)
from ..reach import within_reach
from ..selectors import open_cancellation_requests, plans_selling
from .context import requestor_of


class RequestLoader(DataLoader):
    """One instance per request (kept on the context), so batches span the whole query.

    `load_ready` answers with the value itself once this request has loaded it (a page's
    relations are prefetched, see `prefetch.py`): a Promise per row and field is most of
    what a 100-row list costs graphql-core.
    """

    def __new__(cls, context):
        loaders = context.__dict__.setdefault("_saleor_services_loaders", {})
        if cls not in loaders:
            loader = super().__new__(cls)
            DataLoader.__init__(loader)
            loader.context = context
            loader.ready = {}
            loaders[cls] = loader
        return loaders[cls]

    def __init__(self, context):  # set up once, in __new__
        pass

    @property
    def alias(self) -> str:
        # Read per batch: a mutation switches its request from the replica to the writer.
        return get_host().read_alias(self.context)

    def batch_load_fn(self, keys):
        return Promise.resolve(self._load(list(keys)))

    def _load(self, keys: list) -> list:
        with get_host().reading(self.context):
            values = self.batch_load(keys)
        self.ready.update(zip(keys, values, strict=True))
        return values

    def batch_load(self, keys: list) -> list:
        raise NotImplementedError

    def load_ready(self, key):
        """The value if this request has it already, else a Promise of it."""
        try:
            return self.ready[key]
        except KeyError:
            return self.load(key)

    def prefetch(self, keys) -> None:
        """Load these keys now, in one batch, so `load_ready` answers at once."""
        missing = [key for key in dict.fromkeys(keys) if key not in self.ready]
        if missing:
            self._load(missing)


def then(result, function):
    """`function(result)`: now for a value, when it settles for a Promise."""
    return result.then(function) if isinstance(result, Promise) else function(result)


class PlanByIdLoader(RequestLoader):
    def batch_load(self, keys):
        plans = ServicePlan.objects.using(self.alias).in_bulk(keys)
        return [plans.get(key) for key in keys]


class ServiceByIdLoader(RequestLoader):
    def batch_load(self, keys):
        services = Service.objects.using(self.alias).in_bulk(keys)
        return [services.get(key) for key in keys]


class OpenCancellationRequestByServiceIdLoader(RequestLoader):
    def batch_load(self, keys):
        requests = open_cancellation_requests(service_ids=keys, using=self.alias)
        return [requests.get(key) for key in keys]


class RenewalsByServiceIdLoader(RequestLoader):
    def batch_load(self, keys):
        grouped = defaultdict(list)
        for renewal in Renewal.objects.using(self.alias).filter(service_id__in=keys).order_by("-period_start", "-pk"):
            grouped[renewal.service_id].append(renewal)
        return [grouped[key] for key in keys]


class EventsByServiceIdLoader(RequestLoader):
    def batch_load(self, keys):
        grouped = defaultdict(list)
        for event in ServiceEvent.objects.using(self.alias).filter(service_id__in=keys).order_by("date", "pk"):
            grouped[event.service_id].append(event)
        return [grouped[key] for key in keys]


class EventCountByServiceIdLoader(RequestLoader):
    def batch_load(self, keys):
        counts = dict(
            ServiceEvent.objects.using(self.alias)
            .filter(service_id__in=keys)
            .values_list("service_id")
            .annotate(count=Count("pk"))
        )
        return [counts.get(key, 0) for key in keys]


class ChangeTargetsByPlanIdLoader(RequestLoader):
    def batch_load(self, keys):
        grouped = defaultdict(list)
        through = ServicePlan.change_targets.through.objects.using(self.alias).filter(from_serviceplan_id__in=keys)
        links = list(through.values_list("from_serviceplan_id", "to_serviceplan_id"))
        targets = ServicePlan.objects.using(self.alias).in_bulk({target for _, target in links})
        for source, target in links:
            grouped[source].append(targets[target])
        return [sorted(grouped[key], key=lambda plan: (plan.name, plan.pk)) for key in keys]


class PlanPricesByPlanIdLoader(RequestLoader):
    def batch_load(self, keys):
        grouped = defaultdict(list)
        for row in ServicePlanPrice.objects.using(self.alias).filter(plan_id__in=keys).order_by("channel_slug"):
            grouped[row.plan_id].append(row)
        return [grouped[key] for key in keys]


class ServiceCountByPlanIdLoader(RequestLoader):
    """A plan's services that the (staff) requestor may reach."""

    def batch_load(self, keys):
        services = within_reach(Service.objects.using(self.alias), requestor_of(self.context).staff_actor)
        counts = dict(
            services.filter(plan_id__in=keys)
            .values_list("plan_id")
            .annotate(count=Count("pk"))
        )
        return [counts.get(key, 0) for key in keys]


class CancellationRequestsByServiceIdLoader(RequestLoader):
    def batch_load(self, keys):
        grouped = defaultdict(list)
        for request in CancellationRequest.objects.using(self.alias).filter(service_id__in=keys):
            grouped[request.service_id].append(request)
        return [grouped[key] for key in keys]


class UserEmailByIdLoader(RequestLoader):
    def batch_load(self, keys):
        users = get_user_model().objects.using(self.alias).filter(pk__in=keys)
        emails = dict(users.values_list("pk", "email"))
        return [emails.get(key) for key in keys]


class PlanByCatalogueVariantLoader(RequestLoader):
    """The plan selling a catalogue variant, keyed by (variant id, product id)."""

    def batch_load(self, keys):
        plans = plans_selling(keys, using=self.alias)
        return [plans.get(key) for key in keys]


class CatalogueNamesByPlanKeyLoader(RequestLoader):
    """(product name, variant name) of what a plan sells, keyed by (variant id, product
    id): one host call per batch, whatever the page size."""

    def batch_load(self, keys):
        return catalogue_names_of_plans(keys, using=self.alias)
