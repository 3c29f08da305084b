"""Services from a paid order: one per unit of every line sold under a ServicePlan.

Idempotent: the host may report the same payment more than once, from several threads.
The units are inserted `ON CONFLICT (order line, unit) DO NOTHING`: a unit that exists,
or that a concurrent report is inserting (PostgreSQL waits for it), is skipped, and only
the services inserted get their events. Three statements whatever the number of lines:
the plans, the services, their events.
"""

import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from .actors import SYSTEM
from .billing.cycles import first_due_date
from .bulk_sql import insert_rows
from .enums import ActivationMode, ProvisioningState, ServiceEventType, ServiceStatus
from .errors import ServiceError
from .events import build_event, service_events_create
from .models import Service, ServicePlan
from .provisioning import get_provisioner
from .selectors import plans_selling
from .validation import clean_options

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PaidOrderLine:
    line_id: UUID
    variant_id: int | None
    product_id: int | None
    product_name: str
    variant_name: str
    quantity: int
    unit_price: Decimal
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PaidOrder:
    """What the domain needs of a paid order, whatever host it came from."""

    order_id: UUID
    channel_slug: str
    currency: str
    user_id: int | None
    user_email: str
    lines: tuple[PaidOrderLine, ...]
    customer_name: str = ""


def plans_for_lines(lines: tuple[PaidOrderLine, ...]) -> dict[UUID, ServicePlan]:
    """The plan of each service line (a variant's own plan wins over its product's)."""
    plans = plans_selling([(line.variant_id, line.product_id) for line in lines])
    return {
        line.line_id: plans[line.variant_id, line.product_id]
        for line in lines
        if (line.variant_id, line.product_id) in plans
    }


def _fit(field: str, value: str) -> str:
    """A snapshot from the host cut to its column (a paid service is never refused for a
    long name: Saleor's billing name alone may be 513 characters)."""
    return (value or "")[: Service._meta.get_field(field).max_length]


def _bounded_options(line: PaidOrderLine) -> dict[str, Any]:
    """The line's options within validation's bounds; beyond them they are not stored
    (logged), since a paid service is never refused for its options."""
    try:
        return clean_options(dict(line.options))
    except ServiceError as error:
        logger.warning("Options of order line %s not stored: %s", line.line_id, error.message)
        return {}


def _new_service(
    order: PaidOrder,
    line: PaidOrderLine,
    unit_index: int,
    plan: ServicePlan,
    *,
    today: date,
    provisioning: bool,
) -> Service:
    now = timezone.now()
    automatic = plan.activation_mode == ActivationMode.AUTOMATIC
    active_now = automatic and not provisioning
    return Service(
        user_id=order.user_id,
        user_email=_fit("user_email", order.user_email),
        customer_name=_fit("customer_name", order.customer_name),
        order_id=order.order_id,
        order_line_id=line.line_id,
        unit_index=unit_index,
        channel_slug=_fit("channel_slug", order.channel_slug),
        product_id=line.product_id,
        variant_id=line.variant_id,
        product_name=_fit("product_name", line.product_name),
        variant_name=_fit("variant_name", line.variant_name),
        plan=plan,
        billing_cycle=plan.billing_cycle,
        recurring_amount=line.unit_price,
        currency=order.currency,
        next_due_date=first_due_date(today, plan.billing_cycle),
        billing_anchor_day=today.day,
        status=ServiceStatus.ACTIVE if active_now else ServiceStatus.PENDING,
        activated_at=now if active_now else None,
        options=_bounded_options(line),
        provisioning_state=(
            ProvisioningState.QUEUED if automatic and provisioning else ProvisioningState.NOT_REQUIRED
        ),
        # The first provisioner call is numbered with the row (no extra statement).
        provisioning_sequence=1 if automatic and provisioning else 0,
    )


def create_services_for_paid_order(
    paid_order: PaidOrder, *, today: date | None = None
) -> list[Service]:
    """Create the services a paid order is owed; returns only those created now."""
    plans = plans_for_lines(paid_order.lines)
    if not plans:
        return []
    today = today or timezone.localdate()
    provisioner = get_provisioner()
    units = [
        _new_service(
            paid_order, line, unit_index, plans[line.line_id],
            today=today, provisioning=provisioner is not None,
        )
        for line in paid_order.lines
        if line.line_id in plans
        for unit_index in range(line.quantity)
    ]
    with transaction.atomic():
        services = insert_rows(units, skip_existing=("order_line_id", "unit_index"))
        if not services:
            return []
        service_events_create(
            [build_event(
                service=service,
                type=ServiceEventType.CREATED,
                actor=SYSTEM,
                new_status=service.status,
                order_id=service.order_id,
                order_line_id=service.order_line_id,
                unit_index=service.unit_index,
                plan_id=service.plan_id,
            )
            for service in services]
        )
        queued = [s.pk for s in services if s.provisioning_state == ProvisioningState.QUEUED]
        if queued:
            transaction.on_commit(lambda: [provisioner.provision(pk, sequence=1) for pk in queued])
    logger.info(
        "Created %d service(s) for paid order %s.", len(services), paid_order.order_id
    )
    return services
