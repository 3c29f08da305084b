"""Voiding renewals that no longer ask for money, with their events, in the caller's
transaction; the host releases their documents after commit."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from ..actors import Actor
from ..enums import RenewalKind, RenewalStatus
from ..events import build_event, service_events_create
from ..models import Renewal, Service
from .port import get_billing
from .renewal_states import RENEWAL_TRANSITIONS, RenewalAction

VOIDABLE = RENEWAL_TRANSITIONS[RenewalAction.VOID].sources


def void_open_renewals(
    services: list[Service],
    *,
    actor: Actor,
    reason: str,
    period_start_from: date | None = None,
    kind: str | None = None,
) -> list[Renewal]:
    """Void the services' open (or failed) renewals, optionally only those of periods
    from `period_start_from` on; one UPDATE and one INSERT of events. Returns them."""
    if not services:
        return []
    by_id = {service.pk: service for service in services}
    renewals = Renewal.objects.select_for_update(of=("self",)).filter(
        service_id__in=by_id, status__in=VOIDABLE
    )
    if period_start_from is not None:
        renewals = renewals.filter(period_start__gte=period_start_from)
    if kind is not None:
        renewals = renewals.filter(kind=kind)
    voided = list(renewals.order_by("pk").only("pk", "service_id", "status", "period_start", "kind"))
    if not voided:
        return []
    Renewal.objects.filter(pk__in=[r.pk for r in voided]).update(
        status=RenewalStatus.VOID, updated_at=timezone.now()
    )
    service_events_create(
        [
            build_event(
                service=by_id[renewal.service_id],
                type=RENEWAL_TRANSITIONS[RenewalAction.VOID].event_type,
                actor=actor,
                renewal_id=renewal.pk,
                kind=renewal.kind,
                period_start=renewal.period_start,
                renewal_status=renewal.status,
                reason=reason,
            )
            for renewal in voided
        ]
    )
    for renewal in voided:
        renewal.status = RenewalStatus.VOID
    ids = [renewal.pk for renewal in voided]
    billing = get_billing()
    transaction.on_commit(lambda: billing.void_documents_later(ids))
    return voided


def reprice_next_renewal(service: Service, *, actor: Actor, today: date) -> None:
    """A plan change supersedes the renewal already issued for the next period: it is
    voided and the period's renewal issued again at the new price."""
    if void_open_renewals(
        [service], actor=actor, reason="Superseded by a plan change.", kind=RenewalKind.RENEWAL
    ):
        from ..automation import issue_renewals

        issue_renewals([service.pk], today)
