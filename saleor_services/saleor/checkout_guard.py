"""The renewal's checkout stays the renewal's: its line is kept at one unit.

Anyone holding the checkout id may edit it as any checkout: add lines, change
quantities (units of the same variant added with `checkoutLinesAdd` are merged into the
renewal's line, at its custom price). After each change Saleor calls the plugin's
`checkout_updated`; the guard then puts the renewal's line back to one unit, or back in
the checkout if it was removed, through Saleor's own `checkoutLinesUpdate` /
`checkoutLinesAdd` as the services App. Other lines stay: they are an ordinary purchase.

Should a change slip past the guard (it runs after Saleor's commit), payment still
settles at most one period, and units beyond one are never services
(`renewal_payments.renewal_order_paid`).
"""

import logging

import graphene

from ..enums import RenewalStatus
from ..models import Renewal
from .app_api import execute
from .renewal_checkouts import renewal_line_input

logger = logging.getLogger(__name__)

CHECKOUT_LINES_UPDATE = """
mutation($id: ID!, $lines: [CheckoutLineUpdateInput!]!) {
  checkoutLinesUpdate(id: $id, lines: $lines) { checkout { id } errors { field code message } }
}"""
CHECKOUT_LINES_ADD = """
mutation($id: ID!, $lines: [CheckoutLineInput!]!) {
  checkoutLinesAdd(id: $id, lines: $lines) { checkout { id } errors { field code message } }
}"""


def guard_renewal_checkout(checkout) -> str | None:
    """Restore the renewal line of an open renewal's checkout; returns what was done."""
    from saleor.checkout.models import Checkout, CheckoutLine

    renewal = (
        Renewal.objects.filter(checkout_id=checkout.pk, status=RenewalStatus.OPEN)
        .select_related("service", "target_plan")
        .first()
    )
    if renewal is None:
        return None
    checkout_id = graphene.Node.to_global_id("Checkout", checkout.pk)
    line = (
        CheckoutLine.objects.filter(checkout_id=checkout.pk, price_override__isnull=False)
        .order_by("created_at")
        .only("pk", "quantity")
        .first()
    )
    if line is None:
        if not Checkout.objects.filter(pk=checkout.pk).exists():
            return None  # completed (or deleted) meanwhile
        new_line = {**renewal_line_input(renewal), "forceNewLine": True}
        execute(CHECKOUT_LINES_ADD, {"id": checkout_id, "lines": [new_line]})
        logger.info("Renewal %s: its line was removed from checkout %s; put back.", renewal.pk, checkout.pk)
        return "restored"
    if line.quantity != 1:
        execute(
            CHECKOUT_LINES_UPDATE,
            {
                "id": checkout_id,
                "lines": [{"lineId": graphene.Node.to_global_id("CheckoutLine", line.pk), "quantity": 1}],
            },
        )
        logger.info(
            "Renewal %s: its line in checkout %s was set to %d units; back to 1.",
            renewal.pk, checkout.pk, line.quantity,
        )
        return "quantity"
    return None
