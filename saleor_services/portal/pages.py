"""What each portal page shows, read in a constant number of queries.

Only the customer's own services (`selectors.services_visible_to_customer`), archived
ones hidden (`selectors.service_filter`); what they may do comes from
`available_actions.customer_actions`, as in the GraphQL API.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F

from .. import selectors
from ..available_actions import CustomerActions, customer_actions
from ..enums import RenewalStatus, ServiceStatus
from ..models import CancellationRequest, Renewal, Service

TABS = (
    ServiceStatus.ACTIVE,
    ServiceStatus.PENDING,
    ServiceStatus.SUSPENDED,
    ServiceStatus.PAUSED,
    ServiceStatus.CANCELLED,
    ServiceStatus.TERMINATED,
)
SORTS = {
    "name": ("product_name", "domain"),
    "created": ("created_at",),
    "next_due": ("next_due_date",),
    "status": ("status",),
}
PAGE_SIZE = 25
HISTORY_SIZE = 24


@dataclass
class ServiceRow:
    service: Service
    actions: CustomerActions
    open_request: CancellationRequest | None
    open_renewal: Renewal | None

    @property
    def suspended_for_payment(self) -> bool:
        return self.service.status == ServiceStatus.SUSPENDED and self.open_renewal is not None


@dataclass
class ListPage:
    rows: list[ServiceRow]
    counts: dict[str, int]
    total: int
    status: str
    sort: str
    descending: bool
    page: int
    has_next: bool


@dataclass
class DetailPage:
    row: ServiceRow
    renewals: list[Renewal]
    has_change_targets: bool
    extra: dict = field(default_factory=dict)


def _open_renewals(service_ids: list[int]) -> dict[int, Renewal]:
    """Each service's earliest open renewal (what a Pay button pays)."""
    renewals = Renewal.objects.filter(service_id__in=service_ids, status=RenewalStatus.OPEN).order_by(
        "service_id", "due_date", "pk"
    )
    first: dict[int, Renewal] = {}
    for renewal in renewals:
        first.setdefault(renewal.service_id, renewal)
    return first


def _rows(services: list[Service]) -> list[ServiceRow]:
    ids = [service.pk for service in services]
    if not ids:
        return []
    requests = selectors.open_cancellation_requests(service_ids=ids)
    renewals = _open_renewals(ids)
    return [
        ServiceRow(
            service=service,
            actions=customer_actions(service, requests.get(service.pk)),
            open_request=requests.get(service.pk),
            open_renewal=renewals.get(service.pk),
        )
        for service in services
    ]


def service_list_page(*, user, status: str = "", sort: str = "created", descending: bool = True, page: int = 1):
    mine = selectors.services_visible_to_customer(user_id=user.pk)
    shown = selectors.service_filter(mine)
    counts = dict(shown.values_list("status").annotate(n=Count("pk")).order_by())
    status = status if status in TABS else ""
    if sort not in SORTS:
        sort = "created"
    listed = selectors.service_filter(mine, statuses=[status] if status else None)
    order = [
        (F(key).desc(nulls_last=True) if descending else F(key).asc(nulls_last=True)) for key in SORTS[sort]
    ]
    page = max(page, 1)
    start = (page - 1) * PAGE_SIZE
    services = list(listed.select_related("plan").order_by(*order, "-pk")[start : start + PAGE_SIZE + 1])
    return ListPage(
        rows=_rows(services[:PAGE_SIZE]),
        counts=counts,
        total=sum(counts.values()),
        status=status,
        sort=sort,
        descending=descending,
        page=page,
        has_next=len(services) > PAGE_SIZE,
    )


def service_row(*, user, service_id: int) -> ServiceRow | None:
    """One of the customer's services (archived too: a link to it still answers), or None."""
    service = (
        selectors.services_visible_to_customer(user_id=user.pk)
        .select_related("plan", "pending_plan")
        .filter(pk=service_id)
        .first()
    )
    if service is None:
        return None
    [row] = _rows([service])
    return row


def service_detail_page(*, user, service_id: int) -> DetailPage | None:
    row = service_row(user=user, service_id=service_id)
    if row is None:
        return None
    renewals = list(row.service.renewals.order_by("-period_start", "-pk")[:HISTORY_SIZE])
    return DetailPage(
        row=row,
        renewals=renewals,
        has_change_targets=row.service.plan.change_targets.exists(),
    )
