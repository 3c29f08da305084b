"""Tables of the service domain.

Saleor objects (orders, lines, variants, products, channels, apps) are kept as ids plus
snapshots, never as foreign keys: services outlive deleted variants and users, and these
migrations never depend on a Saleor migration. The one foreign key out is the owner.
Business rules live in the service functions, not in `save()`.
"""

from datetime import date

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from . import search
from .credentials import EncryptedSecretField, empty_secret
from .enums import (
    OPEN_CANCELLATION_STATUSES,
    ActivationMode,
    ActorType,
    BillingCycle,
    CancellationMode,
    CancellationRequestStatus,
    CancellationType,
    EmailStatus,
    ProvisioningState,
    RenewalKind,
    RenewalStatus,
    ServiceEventType,
    ServiceStatus,
    StaffAlertKind,
    SuspensionCause,
)

# Saleor's money columns: DEFAULT_MAX_DIGITS = 12, DEFAULT_DECIMAL_PLACES = 3.
MONEY = {"max_digits": 12, "decimal_places": 3}
CANCELLATION_REASON_MAX_LENGTH = 1000


class ServicePlan(models.Model):
    """Which variant (or whole product) is sold as a service, and how it behaves."""

    name = models.CharField(max_length=250)
    # Saleor ProductVariant / Product ids; a variant plan wins over a product plan.
    variant_id = models.BigIntegerField(null=True, blank=True)
    product_id = models.BigIntegerField(null=True, blank=True)
    billing_cycle = models.CharField(
        max_length=16, choices=BillingCycle.choices, default=BillingCycle.MONTHLY
    )
    allow_pause = models.BooleanField(default=True)
    allow_cancel = models.BooleanField(default=True)
    # Customers may bring a cancelled service back before it is terminated (a new period
    # is charged). Off unless the store turns it on.
    allow_reactivation = models.BooleanField(default=False, db_default=False)
    cancellation_mode = models.CharField(
        max_length=16, choices=CancellationMode.choices, default=CancellationMode.REQUEST
    )
    notice_period_days = models.PositiveSmallIntegerField(default=0)
    activation_mode = models.CharField(
        max_length=16, choices=ActivationMode.choices, default=ActivationMode.AUTOMATIC
    )
    # The plan's own recurring price, used to quote plan changes (a service's amount
    # comes from its order line). Empty: services cannot change to this plan.
    # The plan's price in any channel without one of its own (ServicePlanPrice);
    # without either, the variant's channel price (from the host) is the plan's price.
    price_amount = models.DecimalField(**MONEY, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    # Per-plan day offsets of the automation (keys of conf.AUTOMATION_DAY_KEYS).
    automation_overrides = models.JSONField(default=dict, blank=True)
    change_targets = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="change_sources"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(variant_id__isnull=False) | Q(product_id__isnull=False),
                name="service_plan_has_variant_or_product",
            ),
            models.UniqueConstraint(
                fields=["variant_id"],
                condition=Q(variant_id__isnull=False),
                name="service_plan_unique_variant",
            ),
            models.UniqueConstraint(
                fields=["product_id"],
                condition=Q(variant_id__isnull=True),
                name="service_plan_unique_product",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ServicePlanPrice(models.Model):
    """A plan's recurring price in one channel, as staff set it (the same kind of price as
    a variant's channel price: as entered in the channel, before discounts)."""

    plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="prices")
    channel_slug = models.CharField(max_length=255)
    amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3)

    class Meta:
        ordering = ("channel_slug",)
        constraints = [
            models.UniqueConstraint(fields=["plan", "channel_slug"], name="plan_price_unique_channel"),
        ]

    def __repr__(self) -> str:
        return f"<ServicePlanPrice plan={self.plan_id} {self.channel_slug} {self.amount} {self.currency}>"


# Columns added after 0.1.0 have database defaults too, so code of the previous release
# keeps working against the migrated schema while a deploy rolls out.


class Service(models.Model):
    # Foreign keys are indexed by the composite indexes that lead with them (Meta), or
    # partially where mostly empty: every index costs each insert and status change.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        # Not SET_NULL: the host's "customer deleted" hooks run after the user row is
        # gone, and they find the departed owner's services by this id (owners.py).
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="services",
        db_index=False,
    )
    user_email = models.EmailField(max_length=254, blank=True)
    customer_name = models.CharField(max_length=256, blank=True)

    # Origin: one service per unit of a paid order line.
    order_id = models.UUIDField(db_index=True)
    order_line_id = models.UUIDField()
    unit_index = models.PositiveSmallIntegerField()
    channel_slug = models.CharField(max_length=255)

    product_id = models.BigIntegerField(null=True, blank=True)
    variant_id = models.BigIntegerField(null=True, blank=True)
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, blank=True)
    plan = models.ForeignKey(
        ServicePlan, on_delete=models.PROTECT, related_name="services", db_index=False
    )

    domain = models.CharField(max_length=255, blank=True)
    billing_cycle = models.CharField(max_length=16, choices=BillingCycle.choices)
    recurring_amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3)
    next_due_date = models.DateField(null=True, blank=True)
    # Day of month renewals keep to (31 Jan -> 28 Feb -> 31 Mar).
    billing_anchor_day = models.PositiveSmallIntegerField(default=1)
    # Days the service has been paused since the anchor was set: due dates are the
    # anchored dates shifted by these, so pauses never move the anchor itself.
    paused_days = models.PositiveIntegerField(default=0, db_default=0)
    status = models.CharField(
        max_length=16, choices=ServiceStatus.choices, default=ServiceStatus.PENDING
    )
    options = models.JSONField(default=dict, blank=True)

    server_hostname = models.CharField(max_length=255, blank=True)
    username = models.CharField(max_length=255, blank=True)
    password = EncryptedSecretField(default=empty_secret, blank=True)
    package_name = models.CharField(max_length=255, blank=True)
    provisioning_state = models.CharField(
        max_length=16,
        choices=ProvisioningState.choices,
        default=ProvisioningState.NOT_REQUIRED,
    )
    provisioning_error = models.TextField(blank=True)
    # Calls to the provisioner so far: each call carries its number (queue_provisioning).
    provisioning_sequence = models.PositiveIntegerField(default=0, db_default=0)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    suspended_at = models.DateTimeField(null=True, blank=True)
    suspension_reason = models.CharField(max_length=1000, blank=True)
    suspension_cause = models.CharField(
        max_length=16, choices=SuspensionCause.choices, blank=True
    )
    paused_at = models.DateTimeField(null=True, blank=True)
    resume_on = models.DateField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    terminated_at = models.DateTimeField(null=True, blank=True)
    termination_warning_sent = models.BooleanField(default=False)
    # A downgrade waiting for the next renewal.
    pending_plan = models.ForeignKey(
        ServicePlan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )

    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    # What the search box matches (search.py), kept by PostgreSQL itself.
    search_document = models.GeneratedField(
        expression=search.search_document(), output_field=models.TextField(), db_persist=True
    )

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["order_line_id", "unit_index"], name="service_unique_order_line_unit"
            ),
        ]
        indexes = [
            # The daily sweeps: "status X and due on or before D".
            models.Index(fields=["status", "next_due_date"], name="service_status_due_idx"),
            models.Index(fields=["user", "status"], name="service_user_status_idx"),
            models.Index(fields=["plan", "status"], name="service_plan_status_idx"),
            models.Index(fields=["next_due_date", "id"], name="service_due_id_idx"),
            models.Index(fields=["server_hostname", "id"], name="service_server_idx"),
            # Keyset pagination: one index per sort order of the lists (see graphql/sorting.py).
            models.Index(fields=["created_at", "id"], name="service_created_id_idx"),
            models.Index(
                Coalesce(F("next_due_date"), Value(date.max)), F("id"), name="service_due_sort_idx"
            ),
            models.Index(fields=["product_name", "id"], name="service_name_id_idx"),
            models.Index(fields=["domain", "id"], name="service_domain_id_idx"),
            models.Index(
                fields=["customer_name", "user_email", "id"], name="service_customer_id_idx"
            ),
            models.Index(fields=["status", "id"], name="service_status_id_idx"),
            models.Index(fields=["billing_cycle", "id"], name="service_cycle_id_idx"),
            models.Index(fields=["recurring_amount", "id"], name="service_amount_id_idx"),
            # The sweeps over paused, suspended and cancelled services: cost follows what
            # is due, not how many services rest in those statuses.
            models.Index(
                fields=["resume_on"], condition=Q(status="PAUSED"), name="service_resume_due_idx"
            ),
            models.Index(
                fields=["suspended_at"], condition=Q(status="SUSPENDED"), name="service_suspended_idx"
            ),
            models.Index(
                fields=["cancelled_at"], condition=Q(status="CANCELLED"), name="service_cancelled_idx"
            ),
            models.Index(
                fields=["pending_plan"],
                condition=Q(pending_plan__isnull=False),
                name="service_pending_plan_idx",
            ),
            models.Index(fields=["variant_id"], name="service_variant_idx"),
            models.Index(fields=["product_id"], name="service_product_idx"),
            # The search box (selectors.service_search): fragments of any searched column.
            GinIndex(
                OpClass(search.indexed_document(), name="gin_trgm_ops"), name="service_search_spelt_trgm_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_name} #{self.pk}" + (f" ({self.domain})" if self.domain else "")

    def __repr__(self) -> str:
        return f"<Service pk={self.pk} status={self.status} product={self.product_name!r}>"


class CancellationRequest(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="cancellation_requests"
    )
    type = models.CharField(max_length=24, choices=CancellationType.choices)
    reason = models.CharField(max_length=CANCELLATION_REASON_MAX_LENGTH)
    status = models.CharField(
        max_length=16,
        choices=CancellationRequestStatus.choices,
        default=CancellationRequestStatus.PENDING,
    )
    effective_date = models.DateField()
    requested_by_type = models.CharField(max_length=16, choices=ActorType.choices)
    requested_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by_app_id = models.BigIntegerField(null=True, blank=True)
    decided_by_type = models.CharField(max_length=16, choices=ActorType.choices, blank=True)
    decided_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by_app_id = models.BigIntegerField(null=True, blank=True)
    decision_note = models.CharField(max_length=CANCELLATION_REASON_MAX_LENGTH, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(status__in=OPEN_CANCELLATION_STATUSES),
                name="cancellation_request_one_open_per_service",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="cancel_req_status_created_idx"),
            models.Index(
                fields=["effective_date"],
                condition=Q(status=CancellationRequestStatus.APPROVED),
                name="cancel_req_approved_due_idx",
            ),
        ]

    def __repr__(self) -> str:
        return f"<CancellationRequest pk={self.pk} service={self.service_id} status={self.status}>"


class ServiceEvent(models.Model):
    """The activity log; written in the same transaction as the change it records."""

    # Indexed by service_event_service_date_idx, which leads with it.
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="events", db_index=False
    )
    date = models.DateTimeField(auto_now_add=True)
    type = models.CharField(max_length=32, choices=ServiceEventType.choices)
    actor_type = models.CharField(max_length=16, choices=ActorType.choices)
    # Indexed only where set (service_event_user_idx): most events are the system's.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    app_id = models.BigIntegerField(null=True, blank=True)
    parameters = models.JSONField(default=dict, blank=True)
    # The customer e-mail this event owes, sent once from an outbox after commit.
    email_status = models.CharField(
        max_length=16, choices=EmailStatus.choices, default=EmailStatus.NOT_REQUIRED
    )
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_error = models.TextField(blank=True)
    # When a sender claimed it (SENDING): a claim older than the outbox's lease is a
    # sender that died, and the e-mail is claimed again.
    email_claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("date", "pk")
        indexes = [
            models.Index(fields=["service", "date"], name="service_event_service_date_idx"),
            models.Index(
                fields=["user"], condition=Q(user__isnull=False), name="service_event_user_idx"
            ),
            models.Index(
                fields=["id"],
                condition=Q(email_status=EmailStatus.PENDING),
                name="service_event_email_due_idx",
            ),
            models.Index(
                fields=["email_claimed_at"],
                condition=Q(email_status=EmailStatus.SENDING),
                name="service_event_sending_idx",
            ),
            models.Index(
                fields=["-date"],
                condition=Q(email_status=EmailStatus.FAILED),
                name="service_event_failed_idx",
            ),
        ]

    def __repr__(self) -> str:
        return f"<ServiceEvent pk={self.pk} service={self.service_id} type={self.type}>"


class Renewal(models.Model):
    """The renewal invoice of one billing period of a service (or a prorated upgrade)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="renewals")
    kind = models.CharField(max_length=8, choices=RenewalKind.choices, default=RenewalKind.RENEWAL)
    # For an upgrade: the plan the service moves to once it is paid.
    # Indexed only where set (renewal_target_plan_idx): upgrades alone have one.
    target_plan = models.ForeignKey(
        ServicePlan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    period_start = models.DateField()
    period_end = models.DateField()
    amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3)
    due_date = models.DateField()
    status = models.CharField(
        max_length=24, choices=RenewalStatus.choices, default=RenewalStatus.OPEN
    )
    # The host's payable document: inside Saleor a checkout (its token) until it is
    # paid, then the order it became.
    checkout_id = models.UUIDField(null=True, blank=True, db_index=True)
    order_id = models.UUIDField(null=True, blank=True, db_index=True)
    # Why the document could not be made (status FAILED), for staff.
    document_error = models.CharField(max_length=1000, blank=True, default="", db_default="")
    refunded_amount = models.DecimalField(**MONEY, default=0, db_default=0)
    # Day offsets whose reminder went out (a JSON list rather than an array column, so
    # bulk_create writes new renewals with one UNNEST statement); the suspension warning, once.
    reminders_sent = models.JSONField(default=list, blank=True)
    suspension_warning_sent = models.BooleanField(default=False)
    payment_url = models.URLField(max_length=1000, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-period_start", "-pk")
        constraints = [
            # A void or refunded renewal gives its period back: the period can be
            # billed again (after a plan change, a resume or a refund).
            models.UniqueConstraint(
                fields=["service", "period_start"],
                condition=Q(kind=RenewalKind.RENEWAL)
                & ~Q(status__in=[RenewalStatus.VOID, RenewalStatus.REFUNDED]),
                name="renewal_unique_service_period",
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_date", "id"],
                condition=Q(status=RenewalStatus.OPEN, kind=RenewalKind.RENEWAL),
                name="renewal_open_due_idx",
            ),
            models.Index(
                fields=["target_plan"],
                condition=Q(target_plan__isnull=False),
                name="renewal_target_plan_idx",
            ),
        ]

    def __repr__(self) -> str:
        return f"<Renewal pk={self.pk} service={self.service_id} {self.period_start} {self.status}>"


class ServiceStatusCount(models.Model):
    """Services gained (+) or lost (−) by a status, written by database triggers.

    Every INSERT, UPDATE, DELETE or TRUNCATE of services writes its net change per status
    (migration 0005), so the sum per status is the exact count, read without touching the
    services table. Rows are appended, never updated (no hot row for concurrent writers);
    `status_counts.service_status_counts_compact` folds them into one per status.
    """

    status = models.CharField(max_length=16)
    delta = models.BigIntegerField()

    def __repr__(self) -> str:
        return f"<ServiceStatusCount {self.status} {self.delta:+d}>"


class StaffAlert(models.Model):
    """Something staff must hear about, sent once from an outbox like customer e-mails.

    `key` names what it is about (an event, a run's step on a day), so the same thing
    alerts once however often it is reported.
    """

    kind = models.CharField(max_length=32, choices=StaffAlertKind.choices)
    key = models.CharField(max_length=200, unique=True)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    parameters = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=16, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["id"],
                condition=Q(status__in=[EmailStatus.PENDING, EmailStatus.SENDING]),
                name="staff_alert_due_idx",
            ),
        ]

    def __repr__(self) -> str:
        return f"<StaffAlert pk={self.pk} {self.kind} {self.key} {self.status}>"


class PortalLink(models.Model):
    """A single-use, short-lived way into the customer portal (only its hash is kept)."""

    token_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )
    target_service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target_action = models.CharField(max_length=16, blank=True)
    return_url = models.URLField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __repr__(self) -> str:
        return f"<PortalLink {self.pk} user={self.user_id} used={self.used_at is not None}>"


class PortalSession(models.Model):
    """A signed-in customer portal session; the cookie carries a key only its hash matches."""

    key_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )
    return_url = models.URLField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    def __repr__(self) -> str:
        return f"<PortalSession {self.pk} user={self.user_id}>"
