"""Who sees what: the rows a requestor may see and the fields only staff may read."""

from .. import models
from ..enums import ServiceEventType as EventType
from ..host import get_host
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
    }
)

# Set on a service fetched on its own (`service(id)`): the one place its password shows.
PASSWORD_VISIBLE = "_saleor_services_password_visible"


def staff_only(info) -> None:
    if not is_staff(info):
        raise get_host().permission_denied(staff=True)


def visible_services(info):
    """Services the requestor may see: all for staff, their own for a customer."""
    requestor = requestor_from(info)
    services = models.Service.objects.using(read_alias(info))
    if requestor.can_manage_services:
        return services.all()
    if requestor.user is None:
        return services.none()
    return services.filter(user_id=requestor.user.pk)


def row_of_visible_service(info, model, pk):
    """A row (renewal, cancellation request) of a service the requestor may see, or None."""
    return model.objects.using(read_alias(info)).filter(pk=pk, service__in=visible_services(info)).first()
