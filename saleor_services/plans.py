"""Staff management of service plans."""

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from .billing.money import currency_precision, has_currency_precision
from .billing.plan_prices import plan_prices_set
from .conf import clean_automation_overrides
from .enums import ActivationMode, BillingCycle, CancellationMode
from .errors import ServiceError, ServiceErrorCode
from .models import ServicePlan
from .validation import MAX_LABEL_LENGTH, MAX_LIST_VALUES, MAX_PLAN_NAME_LENGTH, clean_text

_UNSET: Any = object()
_CHOICES = {
    "billing_cycle": BillingCycle,
    "cancellation_mode": CancellationMode,
    "activation_mode": ActivationMode,
}
_MAX_ID = 2**63 - 1
MAX_PRICE = Decimal("999999999.999")


def _error(code: ServiceErrorCode, field: str, message: str) -> ServiceError:
    return ServiceError(code, message, field=field)


def _clean_money(amount, currency, *, field: str) -> tuple[Decimal, str]:
    if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency):
        raise _error(ServiceErrorCode.INVALID, field, "The currency must be a 3-letter ISO 4217 code.")
    try:
        amount = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        raise _error(ServiceErrorCode.INVALID, field, "The amount must be a number.") from None
    if not amount.is_finite() or not Decimal(0) <= amount <= MAX_PRICE:
        raise _error(ServiceErrorCode.INVALID, field, f"The amount must be between 0 and {MAX_PRICE}.")
    if not has_currency_precision(amount, currency):
        raise _error(
            ServiceErrorCode.INVALID,
            field,
            f"{currency} amounts have {currency_precision(currency)} decimal places at most.",
        )
    return amount, currency


def _at_most(values: list, field: str) -> list:
    if len(values) > MAX_LIST_VALUES:
        raise _error(ServiceErrorCode.LIMIT_EXCEEDED, field, f"At most {MAX_LIST_VALUES} values.")
    return values


def _clean_prices(prices) -> list[dict]:
    cleaned, channels = [], set()
    _at_most(prices, "prices")
    for price in prices:
        channel = clean_text(price.get("channel_slug"), field="prices", max_length=MAX_LABEL_LENGTH, required=True)
        if channel in channels:
            raise _error(ServiceErrorCode.UNIQUE, "prices", f"Two prices for the channel {channel!r}.")
        channels.add(channel)
        amount, currency = _clean_money(price.get("amount"), price.get("currency"), field="prices")
        cleaned.append({"channel_slug": channel, "amount": amount, "currency": currency})
    return cleaned


def _clean(plan: ServicePlan | None, values: dict[str, Any]) -> tuple[dict, list[int] | None]:
    values = {k: v for k, v in values.items() if v is not _UNSET}
    targets = values.pop("change_target_ids", None)
    if "default_price" in values:
        price = values.pop("default_price")
        if price is None:
            values["price_amount"], values["currency"] = None, ""
        else:
            values["price_amount"], values["currency"] = _clean_money(
                price.get("amount"), price.get("currency"), field="default_price"
            )
    if values.get("prices") is not None:
        values["prices"] = _clean_prices(values["prices"])
    if "name" in values:
        values["name"] = clean_text(values["name"], field="name", max_length=MAX_PLAN_NAME_LENGTH, required=True)
    for field in ("variant_id", "product_id"):
        value = values.get(field)
        if value is not None and not (isinstance(value, int) and 0 < value <= _MAX_ID):
            raise _error(ServiceErrorCode.INVALID, field, "Not a valid id.")
    for field, choices in _CHOICES.items():
        if field in values and values[field] not in choices.values:
            raise _error(ServiceErrorCode.INVALID, field, "Unknown value.")
    if "notice_period_days" in values:
        days = values["notice_period_days"]
        if not isinstance(days, int) or not 0 <= days <= 3650:
            raise _error(ServiceErrorCode.INVALID, "notice_period_days", "From 0 to 3650 days.")
    if "automation_overrides" in values:
        try:
            values["automation_overrides"] = clean_automation_overrides(
                values["automation_overrides"] or {}
            )
        except ImproperlyConfigured as error:
            raise _error(ServiceErrorCode.INVALID, "automation_overrides", str(error)) from None
    variant_id = values.get("variant_id", plan.variant_id if plan else None)
    product_id = values.get("product_id", plan.product_id if plan else None)
    if variant_id is None and product_id is None:
        raise _error(
            ServiceErrorCode.REQUIRED, "variant_id", "A plan needs a variant or a product."
        )
    duplicates = ServicePlan.objects.exclude(pk=plan.pk if plan else None)
    if variant_id is not None and duplicates.filter(variant_id=variant_id).exists():
        raise _error(ServiceErrorCode.UNIQUE, "variant_id", "This variant already has a plan.")
    if variant_id is None and duplicates.filter(variant_id=None, product_id=product_id).exists():
        raise _error(ServiceErrorCode.UNIQUE, "product_id", "This product already has a plan.")
    if targets is not None:
        targets = sorted(set(_at_most(targets, "change_targets")))
        if plan is not None and plan.pk in targets:
            raise _error(ServiceErrorCode.INVALID, "change_targets", "A plan cannot target itself.")
        if ServicePlan.objects.filter(pk__in=targets).count() != len(targets):
            raise _error(ServiceErrorCode.NOT_FOUND, "change_targets", "Unknown plan.")
    return values, targets


def service_plan_create(
    *,
    name: str,
    variant_id: int | None = None,
    product_id: int | None = None,
    billing_cycle: str = BillingCycle.MONTHLY,
    allow_pause: bool = True,
    allow_cancel: bool = True,
    allow_reactivation: bool = False,
    cancellation_mode: str = CancellationMode.REQUEST,
    notice_period_days: int = 0,
    activation_mode: str = ActivationMode.AUTOMATIC,
    automation_overrides: dict | None = None,
    change_target_ids: list[int] | None = None,
    default_price: dict | None = None,
    prices: list[dict] | None = None,
) -> ServicePlan:
    values, targets = _clean(
        None,
        {
            "name": name,
            "variant_id": variant_id,
            "product_id": product_id,
            "billing_cycle": billing_cycle,
            "allow_pause": allow_pause,
            "allow_cancel": allow_cancel,
            "allow_reactivation": allow_reactivation,
            "cancellation_mode": cancellation_mode,
            "notice_period_days": notice_period_days,
            "activation_mode": activation_mode,
            "automation_overrides": automation_overrides or {},
            "change_target_ids": change_target_ids,
            "default_price": default_price,
            "prices": prices,
        },
    )
    channel_prices = values.pop("prices", None)
    with transaction.atomic():
        plan = ServicePlan.objects.create(**values)
        if targets:
            plan.change_targets.set(targets)
        if channel_prices:
            plan_prices_set(plan=plan, prices=channel_prices)
    return plan


def service_plan_update(*, plan_id: int, **changes: Any) -> ServicePlan:
    with transaction.atomic():
        try:
            plan = ServicePlan.objects.select_for_update().get(pk=plan_id)
        except ServicePlan.DoesNotExist:
            raise _error(ServiceErrorCode.NOT_FOUND, "id", "Plan not found.") from None
        values, targets = _clean(plan, changes)
        channel_prices = values.pop("prices", None)
        for field, value in values.items():
            setattr(plan, field, value)
        plan.save()
        if targets is not None:
            plan.change_targets.set(targets)
        if channel_prices is not None:
            plan_prices_set(plan=plan, prices=channel_prices)
    return plan


def service_plan_delete(*, plan_id: int) -> ServicePlan:
    with transaction.atomic():
        try:
            plan = ServicePlan.objects.select_for_update().get(pk=plan_id)
        except ServicePlan.DoesNotExist:
            raise _error(ServiceErrorCode.NOT_FOUND, "id", "Plan not found.") from None
        if plan.services.exists():
            raise _error(
                ServiceErrorCode.PLAN_IN_USE, "id", "The plan has services and cannot be deleted."
            )
        deleted_pk = plan.pk
        plan.delete()
        plan.pk = deleted_pk
    return plan
