"""Authorisation in one place, checked before any work."""

from ..host import Requestor, get_host
from .context import requestor_from


def require_staff(info) -> Requestor:
    """Staff users or apps holding MANAGE_ORDERS; everyone else gets a permission error."""
    requestor = requestor_from(info)
    if not requestor.can_manage_services:
        raise get_host().permission_denied(staff=True)
    return requestor


def require_signed_in(info) -> Requestor:
    """A signed-in customer, or staff (who may act on any service)."""
    requestor = requestor_from(info)
    if requestor.can_manage_services:
        return requestor
    if requestor.user is None:
        raise get_host().permission_denied(staff=requestor.app is not None)
    return requestor


def is_staff(info) -> bool:
    return requestor_from(info).can_manage_services


def actor_for(requestor: Requestor):
    """Staff act as staff (or their app); everyone else as the customer they are."""
    return requestor.staff_actor if requestor.can_manage_services else requestor.customer_actor
