"""What a plan costs in a channel: the price staff set for that channel, else the plan's
own price, else the variant's price in the channel (from the host's catalogue)."""

from dataclasses import dataclass
from decimal import Decimal

from ..host import get_host
from ..models import ServicePlan, ServicePlanPrice


@dataclass(frozen=True)
class PlanPrice:
    amount: Decimal
    currency: str


def plan_price(plan: ServicePlan, *, channel_slug: str) -> PlanPrice | None:
    return plan_prices([plan], channel_slugs=[channel_slug]).get((plan.pk, channel_slug))


def plan_prices(
    plans: list[ServicePlan], *, channel_slugs: list[str]
) -> dict[tuple[int, str], PlanPrice]:
    """Prices of these plans in these channels, in one query (plus the host's look-up
    for what neither the channel nor the plan prices)."""
    channels = sorted(set(channel_slugs))
    found: dict[tuple[int, str], PlanPrice] = {
        (row.plan_id, row.channel_slug): PlanPrice(row.amount, row.currency)
        for row in ServicePlanPrice.objects.filter(plan__in=plans, channel_slug__in=channels)
    }
    missing = []
    for plan in plans:
        for channel in channels:
            if (plan.pk, channel) in found:
                continue
            if plan.price_amount is not None and plan.currency:
                found[plan.pk, channel] = PlanPrice(plan.price_amount, plan.currency)
            elif plan.variant_id is not None:
                missing.append((plan, channel))
    if missing:
        catalogue = get_host().variant_channel_prices({(p.variant_id, c) for p, c in missing})
        for plan, channel in missing:
            price = catalogue.get((plan.variant_id, channel))
            if price is not None:
                found[plan.pk, channel] = PlanPrice(*price)
    return found


def plan_prices_set(*, plan: ServicePlan, prices: list[dict]) -> list[ServicePlanPrice]:
    """Replace the plan's channel prices (inside the caller's transaction)."""
    plan.prices.all().delete()
    return ServicePlanPrice.objects.bulk_create(
        [ServicePlanPrice(plan=plan, **price) for price in prices]
    )
