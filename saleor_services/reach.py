"""Which services an actor may reach: a customer their own; staff restricted to some
channels those channels' services; other staff, apps and the system every service.

Every lookup of a service (or of a row of one) on someone's behalf goes through
`within_reach`, so what an actor cannot reach reads exactly as what does not exist.
"""

from django.db.models import QuerySet

from .actors import Actor


def within_reach(queryset: QuerySet, actor: Actor, *, through: str = "") -> QuerySet:
    """`queryset` (of services, or of rows related to one through `through`, e.g.
    "service__") narrowed to what `actor` may reach."""
    if actor.is_customer:
        queryset = queryset.filter(**{f"{through}user_id": actor.user_id})
    if actor.channel_slugs is not None:
        queryset = queryset.filter(**{f"{through}channel_slug__in": sorted(actor.channel_slugs)})
    return queryset
