"""The e-mails the package sends, by kind, and their notify events' names."""

from ..enums import ServiceEventType, StaffAlertKind

# Saleor's own notify events are "order_confirmation" and the like; ours carry the
# package's prefix so an app never mistakes one for Saleor's.
NAMESPACE = "saleor_services_"

CUSTOMER_KINDS = (
    "activated",
    "renewal_created",
    "renewal_reminder",
    "renewal_link_replaced",
    "suspension_warning",
    "suspended",
    "unsuspended",
    "cancellation_requested",
    "cancellation_approved",
    "cancellation_rejected",
    "cancellation_withdrawn",
    "cancelled",
    "termination_warning",
    "terminated",
    "plan_changed",
    "reactivated",
)
STAFF_KINDS = tuple(f"staff_{kind.lower()}" for kind in StaffAlertKind.values)
EMAIL_KINDS = CUSTOMER_KINDS + STAFF_KINDS


def customer_kind(event_type: str) -> str:
    return "activated" if event_type == ServiceEventType.CREATED else event_type.lower()


def staff_kind(alert_kind: str) -> str:
    return f"staff_{alert_kind.lower()}"


def notify_event(kind: str) -> str:
    return NAMESPACE + kind
