"""Customers who leave: what their account's deletion does to their services.

The host calls `services_owner_removed` when a customer account is deleted (inside
Saleor: `customer_deleted` for a staff delete, `account_deleted` for a self-delete, both
after the user row is gone). Each service of that user loses its provisioning
credentials and its link to the account; the e-mail address stays only if
OWNER_REMOVED_KEEP_EMAIL says so; open renewals are voided; and the configured policy
ends the service: cancelled at once (CANCEL_NOW, the default) or at the end of the
paid period (CANCEL_AT_PERIOD_END). Each service gets an OWNER_REMOVED event naming
who deleted the account. Running it twice changes nothing the second time.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from .actors import SYSTEM, Actor
from .billing.voiding import void_open_renewals
from .conf import get_settings
from .credentials import empty_secret
from .enums import (
    OPEN_CANCELLATION_STATUSES,
    CancellationRequestStatus,
    CancellationType,
    ServiceEventType,
    ServiceStatus,
)
from .events import build_event, service_events_create
from .lifecycle import change_status_many
from .models import CancellationRequest, Service
from .reach import within_reach
from .transitions import ServiceAction, is_allowed

REASON = "The customer's account was deleted."


def services_owner_removed(*, user_id: int, actor: Actor, today: date | None = None) -> list[Service]:
    """Apply the owner-removal policy to every service of the deleted user `user_id`.

    `actor` is who deleted the account; a customer deleting their own account is given
    without a user (the row no longer exists) and recorded by `deleted_user_id`.
    """
    today = today or timezone.localdate()
    settings = get_settings()
    with transaction.atomic():
        services = list(
            Service.objects.select_for_update(of=("self",)).filter(user_id=user_id).order_by("pk")
        )
        if not services:
            return []
        service_events_create(
            [
                build_event(
                    service=service, type=ServiceEventType.OWNER_REMOVED, actor=actor, email=False,
                    deleted_user_id=user_id, policy=settings.OWNER_REMOVED_POLICY,
                    email_kept=settings.OWNER_REMOVED_KEEP_EMAIL,
                )
                for service in services
            ]
        )
        for service in services:
            service.user_id = None
            service.username = ""
            service.password = empty_secret()
            if not settings.OWNER_REMOVED_KEEP_EMAIL:
                service.user_email = ""
                service.customer_name = ""
        Service.objects.bulk_update(
            services, ["user", "username", "password", "user_email", "customer_name"]
        )
        CancellationRequest.objects.filter(
            service__in=services, status=CancellationRequestStatus.PENDING
        ).update(status=CancellationRequestStatus.WITHDRAWN, decided_at=timezone.now(), updated_at=timezone.now())
        void_open_renewals(services, actor=actor, reason=REASON)
        if settings.OWNER_REMOVED_POLICY == "CANCEL_NOW":
            _cancel_now(services, actor)
        else:
            _cancel_at_period_end(services, actor, today)
    return services


def _cancel_now(services: list[Service], actor: Actor) -> None:
    now = timezone.now()

    def apply(service: Service, parameters: dict) -> list[str]:
        service.cancelled_at = now
        return ["cancelled_at"]

    change_status_many(
        services, action=ServiceAction.CANCEL, actor=actor, event_type=ServiceEventType.CANCELLED,
        apply=apply, reason=REASON,
    )


def _cancel_at_period_end(services: list[Service], actor: Actor, today: date) -> None:
    # Paused services are not billed: they end now; the rest at their next due date.
    ending_now = [s for s in services if s.status == ServiceStatus.PAUSED or s.next_due_date is None]
    _cancel_now(ending_now, actor)
    already = set(
        CancellationRequest.objects.filter(
            service__in=services, status__in=OPEN_CANCELLATION_STATUSES
        ).values_list("service_id", flat=True)
    )
    CancellationRequest.objects.bulk_create(
        [
            CancellationRequest(
                service=service,
                type=CancellationType.END_OF_BILLING_PERIOD,
                reason=REASON,
                status=CancellationRequestStatus.APPROVED,
                effective_date=max(service.next_due_date, today),
                requested_by_type=actor.type,
                decided_by_type=actor.type,
                decided_at=timezone.now(),
            )
            for service in services
            if service not in ending_now
            and service.pk not in already
            and is_allowed(ServiceAction.CANCEL, service.status)
        ]
    )


def customer_data_export(*, email: str, actor: Actor = SYSTEM) -> dict:
    """Everything kept about the customer with this e-mail address, for a data-access
    request: their services (without credentials) and each one's activity log (of the
    services `actor` may reach)."""
    from django.db.models import Q

    from .events import jsonable

    email = (email or "").strip()
    services = (
        within_reach(Service.objects.all(), actor)
        .filter(Q(user_email__iexact=email) | Q(user__email__iexact=email))
        .select_related("plan")
        .prefetch_related("events", "renewals", "cancellation_requests")
        .order_by("pk")
        if email
        else Service.objects.none()
    )
    fields = (
        "pk", "user_email", "customer_name", "order_id", "channel_slug", "product_name", "variant_name",
        "domain", "billing_cycle", "recurring_amount", "currency", "next_due_date", "status", "options",
        "server_hostname", "username", "package_name", "created_at", "activated_at", "suspended_at",
        "cancelled_at", "terminated_at", "metadata",
    )
    return jsonable(
        {
            "email": email,
            "services": [
                {
                    **{name: getattr(service, name) for name in fields},
                    "plan": service.plan.name,
                    "renewals": [
                        {"period_start": r.period_start, "period_end": r.period_end, "amount": r.amount,
                         "currency": r.currency, "status": r.status, "paid_at": r.paid_at}
                        for r in service.renewals.all()
                    ],
                    "cancellation_requests": [
                        {"type": c.type, "reason": c.reason, "status": c.status, "created_at": c.created_at}
                        for c in service.cancellation_requests.all()
                    ],
                    "events": [
                        {"date": e.date, "type": e.type, "actor_type": e.actor_type, "parameters": e.parameters}
                        for e in sorted(service.events.all(), key=lambda event: event.pk)
                    ],
                }
                for service in services
            ],
        }
    )
