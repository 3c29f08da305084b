"""Cancellation requests: asked by the customer (or staff), decided by staff or the plan."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from .actors import SYSTEM, Actor
from .billing.voiding import void_open_renewals
from .confirmation import confirm_customer
from .enums import (
    OPEN_CANCELLATION_STATUSES,
    CancellationMode,
    CancellationRequestStatus,
    CancellationType,
    ServiceEventType,
)
from .errors import ServiceError, ServiceErrorCode
from .events import service_event_create
from .lifecycle import cancel_locked, lock_service
from .models import CancellationRequest, Service
from .reach import within_reach
from .transitions import ServiceAction, is_allowed
from .validation import bounded_text

_NOT_FOUND = "Cancellation request not found."


def effective_date_for(
    service: Service, *, type: CancellationType, today: date
) -> date:
    """When a cancellation takes effect: today, or the end of the paid period.

    With a notice period, end of period is the later of today + notice and the next
    due date.
    """
    if type == CancellationType.IMMEDIATE:
        return today
    end_of_period = service.next_due_date or today
    notice_end = today + timedelta(days=service.plan.notice_period_days)
    return max(end_of_period, notice_end)


def _record_decision(
    request: CancellationRequest, *, status: CancellationRequestStatus, actor: Actor, note: str
) -> None:
    request.status = status
    request.decided_by_type = actor.type
    request.decided_by_user = actor.user
    request.decided_by_app_id = actor.app_id
    request.decision_note = note
    request.decided_at = timezone.now()
    request.save(
        update_fields=[
            "status",
            "decided_by_type",
            "decided_by_user",
            "decided_by_app_id",
            "decision_note",
            "decided_at",
            "updated_at",
        ]
    )


def _approve_locked(
    service: Service, request: CancellationRequest, *, actor: Actor, note: str, today: date
) -> None:
    if not is_allowed(ServiceAction.CANCEL, service.status):
        raise ServiceError(
            ServiceErrorCode.INVALID_TRANSITION,
            "The service can no longer be cancelled.",
            field="status",
        )
    _record_decision(request, status=CancellationRequestStatus.APPROVED, actor=actor, note=note)
    service_event_create(
        service=service,
        type=ServiceEventType.CANCELLATION_APPROVED,
        actor=actor,
        request_id=request.pk,
        effective_date=request.effective_date,
        note=note or None,
    )
    if request.effective_date <= today:
        # Cancelling closes the open request as COMPLETED (and voids open renewals).
        cancel_locked(service, actor=actor, reason=request.reason)
        request.refresh_from_db(fields=["status", "decided_at", "updated_at"])
    else:
        # Periods from the effective date on will not be served: nothing to pay for them.
        void_open_renewals(
            [service],
            actor=actor,
            reason="The service is cancelled before this period.",
            period_start_from=request.effective_date,
        )


def cancellation_request_create(
    *,
    service_id: int,
    actor: Actor,
    type: CancellationType,
    reason: str,
    password: str | None = None,
    sign_in_token: str | None = None,
    request=None,
    today: date | None = None,
) -> CancellationRequest:
    """A customer confirms (see `confirmation.py`); `request` is the host's request, for
    its login throttling."""
    today = today or timezone.localdate()
    try:
        type = CancellationType(type)
    except ValueError:
        raise ServiceError(
            ServiceErrorCode.INVALID, "Unknown cancellation type.", field="type"
        ) from None
    reason = bounded_text(reason, field="reason", required=True)
    with transaction.atomic():
        service = lock_service(service_id, actor=actor)
        confirm_customer(actor, password=password, sign_in_token=sign_in_token, request=request)
        if actor.is_customer and not service.plan.allow_cancel:
            raise ServiceError(
                ServiceErrorCode.NOT_ALLOWED_BY_PLAN,
                "This service's plan does not allow customers to cancel it.",
            )
        if not is_allowed(ServiceAction.CANCEL, service.status):
            raise ServiceError(
                ServiceErrorCode.INVALID_TRANSITION,
                f"A {service.get_status_display().lower()} service cannot be cancelled.",
                field="status",
            )
        if service.cancellation_requests.filter(status__in=OPEN_CANCELLATION_STATUSES).exists():
            raise ServiceError(
                ServiceErrorCode.ALREADY_REQUESTED,
                "A cancellation has already been requested for this service.",
            )
        # The service row lock serialises requests; the partial unique index backs it.
        request = CancellationRequest.objects.create(
            service=service,
            type=type,
            reason=reason,
            effective_date=effective_date_for(service, type=type, today=today),
            requested_by_type=actor.type,
            requested_by_user=actor.user,
            requested_by_app_id=actor.app_id,
        )
        service_event_create(
            service=service,
            type=ServiceEventType.CANCELLATION_REQUESTED,
            actor=actor,
            request_id=request.pk,
            cancellation_type=type,
            reason=reason,
            effective_date=request.effective_date,
        )
        if service.plan.cancellation_mode == CancellationMode.IMMEDIATE:
            _approve_locked(service, request, actor=SYSTEM, note="", today=today)
        return request


def _lock_request(request_id: int, *, actor: Actor) -> tuple[Service, CancellationRequest]:
    """Lock the service, then its request (always in that order)."""
    queryset = within_reach(CancellationRequest.objects.all(), actor, through="service__")
    try:
        service_id = queryset.values_list("service_id", flat=True).get(pk=request_id)
    except (CancellationRequest.DoesNotExist, ValueError, TypeError):
        raise ServiceError(ServiceErrorCode.NOT_FOUND, _NOT_FOUND, field="id") from None
    service = lock_service(service_id, actor=actor)
    request = CancellationRequest.objects.select_for_update().get(pk=request_id)
    return service, request


def _require_pending(request: CancellationRequest) -> None:
    if request.status != CancellationRequestStatus.PENDING:
        raise ServiceError(
            ServiceErrorCode.INVALID_TRANSITION,
            f"The request is {request.get_status_display().lower()}, not pending.",
            field="status",
        )


def _require_staff(actor: Actor) -> None:
    if actor.is_customer:
        raise ServiceError(ServiceErrorCode.NOT_FOUND, _NOT_FOUND, field="id")


def cancellation_request_approve(
    *, request_id: int, actor: Actor, note: str = "", today: date | None = None
) -> CancellationRequest:
    today = today or timezone.localdate()
    _require_staff(actor)
    note = bounded_text(note, field="note")
    with transaction.atomic():
        service, request = _lock_request(request_id, actor=actor)
        _require_pending(request)
        _approve_locked(service, request, actor=actor, note=note, today=today)
        return request


def cancellation_request_reject(
    *, request_id: int, actor: Actor, note: str = ""
) -> CancellationRequest:
    _require_staff(actor)
    note = bounded_text(note, field="note")
    with transaction.atomic():
        service, request = _lock_request(request_id, actor=actor)
        _require_pending(request)
        _record_decision(request, status=CancellationRequestStatus.REJECTED, actor=actor, note=note)
        service_event_create(
            service=service,
            type=ServiceEventType.CANCELLATION_REJECTED,
            actor=actor,
            request_id=request.pk,
            note=note or None,
        )
        return request


def cancellation_request_withdraw(*, request_id: int, actor: Actor) -> CancellationRequest:
    with transaction.atomic():
        service, request = _lock_request(request_id, actor=actor)
        _require_pending(request)
        _record_decision(request, status=CancellationRequestStatus.WITHDRAWN, actor=actor, note="")
        service_event_create(
            service=service,
            type=ServiceEventType.CANCELLATION_WITHDRAWN,
            actor=actor,
            request_id=request.pk,
        )
        return request
