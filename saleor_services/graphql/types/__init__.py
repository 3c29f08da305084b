"""GraphQL object types, one module each. Resolvers are thin: loaders for relations,
the domain for rules, `visibility` for who may see what."""

from .automation import ServiceAutomationStepPreview
from .cancellation_request import ServiceCancellationRequest
from .catalogue import ServiceCatalogueVariant
from .event import ServiceEvent
from .failed_email import ServiceFailedEmail
from .plan import ServicePlan
from .plan_change import ServicePlanChangeQuote
from .renewal import ServiceRenewal
from .service import Service

__all__ = [
    "Service",
    "ServiceAutomationStepPreview",
    "ServiceCancellationRequest",
    "ServiceCatalogueVariant",
    "ServiceEvent",
    "ServiceFailedEmail",
    "ServicePlan",
    "ServicePlanChangeQuote",
    "ServiceRenewal",
]
