"""GraphQL enums of the domain's choices, prefixed so they never collide in Saleor."""

import graphene

from .. import enums as domain
from ..available_actions import AvailableAction


def _enum(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(
        name, [(choice.name, choice.value) for choice in choices], description=description
    )


ServiceStatusEnum = _enum("ServiceStatus", domain.ServiceStatus, "Status of a service.")
ServiceBillingCycleEnum = _enum(
    "ServiceBillingCycle", domain.BillingCycle, "How often a service renews."
)
ServiceCancellationModeEnum = _enum(
    "ServiceCancellationMode", domain.CancellationMode, "How a plan handles cancellation requests."
)
ServiceActivationModeEnum = _enum(
    "ServiceActivationMode", domain.ActivationMode, "How a plan's new services become active."
)
ServiceCancellationTypeEnum = _enum(
    "ServiceCancellationType", domain.CancellationType, "When a cancellation takes effect."
)
ServiceCancellationRequestStatusEnum = _enum(
    "ServiceCancellationRequestStatus",
    domain.CancellationRequestStatus,
    "Status of a cancellation request.",
)
ServiceProvisioningStateEnum = _enum(
    "ServiceProvisioningState", domain.ProvisioningState, "Provisioning on the server."
)
ServiceRenewalStatusEnum = _enum(
    "ServiceRenewalStatus", domain.RenewalStatus, "Status of a renewal invoice."
)
ServiceActorTypeEnum = _enum(
    "ServiceActorType", domain.ActorType, "Who performed a change."
)
ServiceEventTypeEnum = _enum(
    "ServiceEventType", domain.ServiceEventType, "Type of an activity-log entry."
)
ServiceRenewalKindEnum = _enum(
    "ServiceRenewalKind", domain.RenewalKind, "A period's renewal or a prorated upgrade."
)
ServiceActionEnum = _enum(
    "ServiceAction",
    AvailableAction,
    "An action the caller may take on a service now (staff: the transition table; "
    "the owner: what the plan lets customers do).",
)
ServicePortalTargetEnum = _enum(
    "ServicePortalTarget", domain.PortalTarget, "Where a customer portal link lands."
)
