"""Read-side queries of the domain: who may see what, searched and filtered."""

from collections.abc import Collection, Iterable
from datetime import date

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import StrIndex, Upper

from .enums import OPEN_CANCELLATION_STATUSES, ServiceStatus
from .models import CancellationRequest, Service, ServicePlan
from .search import (
    COUNT_BUDGET_MS,
    COUNT_CAP,
    SEARCHED_COLUMNS,
    SEPARATOR,
    count_within,
    narrowed,
    narrowing_fragments,
)


def services_visible_to_customer(*, user_id: int) -> QuerySet[Service]:
    return Service.objects.filter(user_id=user_id)


def services_for_staff() -> QuerySet[Service]:
    return Service.objects.all()


def _containing(queryset: QuerySet[Service], text: str, columns: tuple[str, ...]) -> QuerySet[Service]:
    """Rows with `text` in one of `columns`, case-insensitively: the trigram index finds
    the candidates by the text's rarest fragments (search.py), then the text decides."""
    queryset = narrowed(queryset, narrowing_fragments(text, using=queryset.db) or [])
    if columns == SEARCHED_COLUMNS and SEPARATOR not in text:
        # Inside the document means inside one of its columns: the stored upper-cased
        # text is compared, not four columns upper-cased again (nor by the index again).
        found = StrIndex(F("search_document"), Upper(Value(text)))
        return queryset.alias(_found_at=found).filter(_found_at__gt=0)
    in_a_column = Q()
    for column in columns:
        in_a_column |= Q(**{f"{column}__icontains": text})
    return queryset.filter(in_a_column)


def _search_text(text: str) -> str:
    return text.replace("\x00", "").strip()


def service_search(queryset: QuerySet[Service], *, text: str) -> QuerySet[Service]:
    """Domain, e-mail, customer name or product name containing `text`."""
    text = _search_text(text)
    if not text:
        return queryset
    return _containing(queryset, text, SEARCHED_COLUMNS)


def service_search_count(found: QuerySet[Service], *, text: str, listed: int | None = None) -> int | None:
    """How many services `service_search` found (`found`); `listed` when one page listed
    them all. Exact where the trigram index narrows the search; where it cannot (a text in
    most services), exact up to COUNT_CAP matches counted within COUNT_BUDGET_MS, else
    None: not worth a read of most of the table."""
    if listed is not None:
        return listed
    text = _search_text(text)
    if not text or narrowing_fragments(text, using=found.db) is not None:
        return found.order_by().count()
    return count_within(found, milliseconds=COUNT_BUDGET_MS, cap=COUNT_CAP)


def shown_statuses(*, statuses: Collection[str] | None, include_archived: bool) -> set[str]:
    """The statuses `service_filter` shows: those asked for, else all but archived
    (unless asked for)."""
    if statuses:
        return set(statuses)
    return {s.value for s in ServiceStatus if include_archived or s != ServiceStatus.ARCHIVED}


def service_filter(
    queryset: QuerySet[Service],
    *,
    statuses: list[str] | None = None,
    include_archived: bool = False,
    plan_ids: list[int] | None = None,
    product_ids: list[int] | None = None,
    variant_ids: list[int] | None = None,
    servers: list[str] | None = None,
    customer: str | None = None,
    user_ids: list[int] | None = None,
    next_due_from: date | None = None,
    next_due_to: date | None = None,
    created_from: date | None = None,
    created_to: date | None = None,
) -> QuerySet[Service]:
    if statuses:
        queryset = queryset.filter(status__in=statuses)
    elif not include_archived:
        # Archived services are hidden unless asked for by status.
        queryset = queryset.exclude(status=ServiceStatus.ARCHIVED)
    if plan_ids is not None:
        queryset = queryset.filter(plan_id__in=plan_ids)
    if product_ids is not None:
        queryset = queryset.filter(product_id__in=product_ids)
    if variant_ids is not None:
        queryset = queryset.filter(variant_id__in=variant_ids)
    if servers is not None:
        queryset = queryset.filter(server_hostname__in=[s.replace("\x00", "") for s in servers])
    if user_ids is not None:
        queryset = queryset.filter(user_id__in=user_ids)
    if customer:
        customer = customer.replace("\x00", "")
        queryset = _containing(queryset, customer, ("user_email", "customer_name"))
    if next_due_from is not None:
        queryset = queryset.filter(next_due_date__gte=next_due_from)
    if next_due_to is not None:
        queryset = queryset.filter(next_due_date__lte=next_due_to)
    if created_from is not None:
        queryset = queryset.filter(created_at__date__gte=created_from)
    if created_to is not None:
        queryset = queryset.filter(created_at__date__lte=created_to)
    return queryset


def open_cancellation_requests(
    *, service_ids: list[int], using: str = "default"
) -> dict[int, CancellationRequest]:
    requests = CancellationRequest.objects.using(using).filter(
        service_id__in=service_ids, status__in=OPEN_CANCELLATION_STATUSES
    )
    return {request.service_id: request for request in requests}


def cancellation_requests_for_staff(*, statuses: list[str] | None = None) -> QuerySet:
    queryset = CancellationRequest.objects.all()
    if statuses:
        queryset = queryset.filter(status__in=statuses)
    return queryset


def service_plans() -> QuerySet[ServicePlan]:
    return ServicePlan.objects.all()


def plans_selling(
    variants: Iterable[tuple[int | None, int | None]], *, using: str = "default"
) -> dict[tuple[int | None, int | None], ServicePlan]:
    """The plan selling each (variant id, product id): the variant's own plan, else its
    product's — the rule orders and the catalogue share — in one query (none when no id
    is known)."""
    variants = list(dict.fromkeys(variants))
    variant_ids = {variant for variant, _ in variants if variant is not None}
    product_ids = {product for _, product in variants if product is not None}
    if not variant_ids and not product_ids:
        return {}
    plans = ServicePlan.objects.using(using).filter(
        Q(variant_id__in=variant_ids) | Q(variant_id__isnull=True, product_id__in=product_ids)
    )
    by_variant, by_product = {}, {}
    for plan in plans:
        if plan.variant_id is not None:
            by_variant[plan.variant_id] = plan
        else:
            by_product[plan.product_id] = plan
    found = {}
    for variant, product in variants:
        plan = by_variant.get(variant) or by_product.get(product)
        if plan is not None:
            found[variant, product] = plan
    return found
