from django.db import models


class ServiceStatus(models.TextChoices):
    PENDING = "PENDING", "Pending"
    ACTIVE = "ACTIVE", "Active"
    SUSPENDED = "SUSPENDED", "Suspended"
    PAUSED = "PAUSED", "Paused"
    CANCELLED = "CANCELLED", "Cancelled"
    TERMINATED = "TERMINATED", "Terminated"
    FRAUD = "FRAUD", "Fraud"
    ARCHIVED = "ARCHIVED", "Archived"


class BillingCycle(models.TextChoices):
    MONTHLY = "MONTHLY", "Monthly"
    QUARTERLY = "QUARTERLY", "Quarterly"
    SEMIANNUALLY = "SEMIANNUALLY", "Semi-annually"
    ANNUALLY = "ANNUALLY", "Annually"
    BIENNIALLY = "BIENNIALLY", "Biennially"
    TRIENNIALLY = "TRIENNIALLY", "Triennially"
    ONE_TIME = "ONE_TIME", "One time"


class CancellationMode(models.TextChoices):
    REQUEST = "REQUEST", "Request (staff review)"
    IMMEDIATE = "IMMEDIATE", "Immediate"


class ActivationMode(models.TextChoices):
    AUTOMATIC = "AUTOMATIC", "Automatic"
    MANUAL = "MANUAL", "Manual (staff)"


class CancellationType(models.TextChoices):
    IMMEDIATE = "IMMEDIATE", "Immediate"
    END_OF_BILLING_PERIOD = "END_OF_BILLING_PERIOD", "End of billing period"


class CancellationRequestStatus(models.TextChoices):
    PENDING = "PENDING", "Pending"
    APPROVED = "APPROVED", "Approved"
    REJECTED = "REJECTED", "Rejected"
    WITHDRAWN = "WITHDRAWN", "Withdrawn"
    COMPLETED = "COMPLETED", "Completed"


# A request is "open" until it is decided against or carried out.
OPEN_CANCELLATION_STATUSES = (
    CancellationRequestStatus.PENDING,
    CancellationRequestStatus.APPROVED,
)


class ProvisioningState(models.TextChoices):
    NOT_REQUIRED = "NOT_REQUIRED", "Not required"
    QUEUED = "QUEUED", "Queued"
    SUCCEEDED = "SUCCEEDED", "Succeeded"
    FAILED = "FAILED", "Failed"


class SuspensionCause(models.TextChoices):
    NON_PAYMENT = "NON_PAYMENT", "Non-payment"
    OTHER = "OTHER", "Other"


class RenewalKind(models.TextChoices):
    RENEWAL = "RENEWAL", "Renewal of a period"
    UPGRADE = "UPGRADE", "Prorated upgrade"


class RenewalStatus(models.TextChoices):
    OPEN = "OPEN", "Open"
    PAID = "PAID", "Paid"
    VOID = "VOID", "Void"
    # Its payable document could not be made (e.g. the variant was deleted): staff see
    # why, no reminder goes out, and nothing retries it until staff reopen it.
    FAILED = "FAILED", "Failed"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED", "Partially refunded"
    REFUNDED = "REFUNDED", "Refunded"


class ActorType(models.TextChoices):
    CUSTOMER = "CUSTOMER", "Customer"
    STAFF = "STAFF", "Staff"
    APP = "APP", "App"
    SYSTEM = "SYSTEM", "System"


class ServiceEventType(models.TextChoices):
    CREATED = "CREATED", "Created"
    ACTIVATED = "ACTIVATED", "Activated"
    SUSPENDED = "SUSPENDED", "Suspended"
    UNSUSPENDED = "UNSUSPENDED", "Unsuspended"
    PAUSED = "PAUSED", "Paused"
    RESUMED = "RESUMED", "Resumed"
    CANCELLATION_REQUESTED = "CANCELLATION_REQUESTED", "Cancellation requested"
    CANCELLATION_APPROVED = "CANCELLATION_APPROVED", "Cancellation approved"
    CANCELLATION_REJECTED = "CANCELLATION_REJECTED", "Cancellation rejected"
    CANCELLATION_WITHDRAWN = "CANCELLATION_WITHDRAWN", "Cancellation withdrawn"
    CANCELLED = "CANCELLED", "Cancelled"
    TERMINATED = "TERMINATED", "Terminated"
    MARKED_FRAUD = "MARKED_FRAUD", "Marked as fraud"
    ARCHIVED = "ARCHIVED", "Archived"
    PROVISIONING_QUEUED = "PROVISIONING_QUEUED", "Provisioning queued"
    PROVISIONING_SUCCEEDED = "PROVISIONING_SUCCEEDED", "Provisioning succeeded"
    PROVISIONING_FAILED = "PROVISIONING_FAILED", "Provisioning failed"
    UPDATED = "UPDATED", "Updated"
    OWNER_REMOVED = "OWNER_REMOVED", "Owner account deleted"
    RENEWAL_CREATED = "RENEWAL_CREATED", "Renewal invoice created"
    RENEWAL_REMINDER = "RENEWAL_REMINDER", "Renewal reminder"
    RENEWAL_PAID = "RENEWAL_PAID", "Renewal paid"
    RENEWAL_VOIDED = "RENEWAL_VOIDED", "Renewal voided"
    RENEWAL_FAILED = "RENEWAL_FAILED", "Renewal could not be opened"
    RENEWAL_LINK_REPLACED = "RENEWAL_LINK_REPLACED", "Renewal payment link replaced"
    RENEWAL_REOPENED = "RENEWAL_REOPENED", "Renewal reopened"
    RENEWAL_REFUNDED = "RENEWAL_REFUNDED", "Renewal refunded"
    RENEWAL_PARTIALLY_REFUNDED = "RENEWAL_PARTIALLY_REFUNDED", "Renewal partly refunded"
    AUTOMATION_FAILED = "AUTOMATION_FAILED", "Daily automation failed for this service"
    SUSPENSION_WARNING = "SUSPENSION_WARNING", "Suspension warning"
    TERMINATION_WARNING = "TERMINATION_WARNING", "Termination warning"
    PLAN_CHANGE_REQUESTED = "PLAN_CHANGE_REQUESTED", "Plan change requested"
    PLAN_CHANGED = "PLAN_CHANGED", "Plan changed"
    EMAIL_FAILED = "EMAIL_FAILED", "E-mail could not be sent"
    REACTIVATED = "REACTIVATED", "Reactivated"


class EmailStatus(models.TextChoices):
    NOT_REQUIRED = "NOT_REQUIRED", "Not required"
    PENDING = "PENDING", "Pending"
    # Claimed by a sender, which sends it outside any transaction and records the result.
    SENDING = "SENDING", "Sending"
    SENT = "SENT", "Sent"
    FAILED = "FAILED", "Failed"


class StaffAlertKind(models.TextChoices):
    CANCELLATION_REQUESTED = "CANCELLATION_REQUESTED", "New cancellation request"
    PROVISIONING_FAILED = "PROVISIONING_FAILED", "Provisioning failed"
    RENEWAL_REFUNDED = "RENEWAL_REFUNDED", "Renewal refunded"
    RENEWAL_PAYMENT_FAILED = "RENEWAL_PAYMENT_FAILED", "Renewal payment failed"
    AUTOMATION_STEP_FAILED = "AUTOMATION_STEP_FAILED", "Daily-run step failed"
    EMAIL_FAILED = "EMAIL_FAILED", "Customer e-mail failed"


class PortalTarget(models.TextChoices):
    """Where a portal link lands: a service's page, or one of its actions."""

    SERVICES = "SERVICES", "My services"
    SERVICE = "SERVICE", "Service"
    CANCEL = "CANCEL", "Request cancellation"
    PAY = "PAY", "Pay the open renewal"
    CHANGE_PLAN = "CHANGE_PLAN", "Change plan"
