"""The storefront's way into the hosted customer portal."""

import graphene

from ...errors import ServiceError as DomainError
from ...errors import ServiceErrorCode
from ...host import get_host
from ...portal_access import portal_link_create
from ..enums import ServicePortalTargetEnum
from ..ids import decode_id
from ..shared import DateTime
from .base import ServiceMutation


class ServicePortalTargetInput(graphene.InputObjectType):
    action = ServicePortalTargetEnum(required=True, description="The page to open.")
    service = graphene.ID(description="The service it concerns (all but SERVICES).")


class ServicePortalSessionCreate(ServiceMutation):
    url = graphene.String(description="Single use; open it in the customer's browser at once.")
    expires_at = DateTime(description="The link stops working at this time.")
    staff_only = False

    class Arguments:
        return_url = graphene.String(
            required=True,
            description="Where the portal's 'Back to the store' leads; an allowed client host.",
        )
        target = ServicePortalTargetInput(description="A page to land on (default: My services).")

    class Meta:
        description = (
            "A short-lived, single-use link into the hosted customer portal for the "
            "signed-in customer (their own services only)."
        )

    @classmethod
    def perform(cls, info, requestor, return_url, target=None):
        if requestor.user is None:  # an app: the portal is for a customer in person
            raise get_host().permission_denied(staff=False)
        host = get_host()
        if len(return_url) > 1000 or not host.storefront_url_allowed(return_url):
            raise DomainError(
                ServiceErrorCode.INVALID, "The return URL's host is not allowed.", field="return_url"
            )
        target = target or {}
        # portal_link_create also refuses anything but http(s) (Saleor's host check alone
        # would let javascript://<allowed host>/… through).
        service_id = target.get("service")
        link = portal_link_create(
            user=requestor.user,
            return_url=return_url,
            target_action=target.get("action") or "SERVICES",
            target_service_id=decode_id(service_id, "Service", field="service") if service_id else None,
        )
        path = f"{host.portal_root(info.context)}enter/{link.token}/"
        return cls(url=host.absolute_url(info.context, path), expires_at=link.expires_at, errors=[])
