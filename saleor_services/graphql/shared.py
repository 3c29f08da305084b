"""Types shared with the host's schema: Saleor's inside Saleor, local look-alikes elsewhere."""

from django.apps import apps

if apps.is_installed("saleor.graphql"):
    from ..saleor.graphql_types import (  # noqa: F401
        JSON, UUID, Date, DateTime, Decimal, MetadataInput, MetadataItem, Money,
        OrderDirection, PositiveDecimal, make_money,
    )
else:
    from .local_types import (  # noqa: F401
        JSON, UUID, Date, DateTime, Decimal, MetadataInput, MetadataItem, Money,
        OrderDirection, PositiveDecimal, make_money,
    )
