"""Who sees what: the rows a requestor may see and the fields only staff may read."""

from .. import models
from ..enums import ServiceEventType as EventType
from ..errors import ServiceErrorCode
from ..host import get_host
from ..reach import within_reach
from .auth import is_staff
from .context import read_alias, requestor_from

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
        EventType.AUTOMATION_FAILED,
        EventType.RENEWAL_FAILED,
        EventType.EMAIL_FAILED,
    }
)

# Set by `service(id:)` on the service it answers: the one place its password shows
# (not `node(id:)`, lists, mutation payloads or services reached through another field).
PASSWORD_VISIBLE = "_saleor_services_password_visible"


def staff_only(info) -> None:
    if not is_staff(info):
        raise get_host().permission_denied(staff=True)


def not_visible(info):
    """What a service (or a row of one) the requestor may not see answers, once the
    lookup among the visible ones missed: nothing for a customer, exactly as for one that
    does not exist; the permission error for staff without MANAGE_ORDERS, who are
    customers only for their own services. Neither tells whether the id exists."""
    if requestor_from(info).lacks_permission:
        raise get_host().permission_denied(staff=True)
    return None


def refused_as_not_visible(info, error) -> Exception | None:
    """The permission error to raise instead of a domain "service not found" for staff
    without MANAGE_ORDERS (see `not_visible`); None when the refusal stands."""
    if error.code == ServiceErrorCode.NOT_FOUND and error.field == "id" and requestor_from(info).lacks_permission:
        return get_host().permission_denied(staff=True)
    return None


def visible_services(info):
    """Services the requestor may see: all for staff (their channels' for staff restricted
    to channels), their own for a customer."""
    requestor = requestor_from(info)
    services = models.Service.objects.using(read_alias(info))
    if requestor.can_manage_services:
        return within_reach(services.all(), requestor.staff_actor)
    if requestor.user is None:
        return services.none()
    return services.filter(user_id=requestor.user.pk)


def row_of_visible_service(info, model, pk):
    """A row (renewal, cancellation request) of a service the requestor may see, or None."""
    row = model.objects.using(read_alias(info)).filter(pk=pk, service__in=visible_services(info)).first()
    return row if row is not None else not_visible(info)
