"""The billing port: the host's payable document for a renewal (or an upgrade).

Inside Saleor it is a draft order completed for the customer to pay; elsewhere the
renewal itself is the document and staff record the payment.
"""

import functools
from typing import Protocol

from django.apps import apps
from django.utils.module_loading import import_string

from .conf import get_settings


class Billing(Protocol):
    # True when renewals get a separate payable document (and their e-mail waits for it).
    opens_documents: bool

    def open_documents_later(self, renewal_ids: list[int]) -> None:
        """Called after commit with new renewals; opens their documents (may be async)."""


class RecordOnlyBilling:
    """The renewal is the invoice; payment is recorded with `renewal_mark_paid`."""

    opens_documents = False

    def open_documents_later(self, renewal_ids: list[int]) -> None:
        return None


@functools.cache
def _load(path: str) -> Billing:
    return import_string(path)()


def get_billing() -> Billing:
    path = get_settings().BILLING
    if path is None and apps.is_installed("saleor.order"):
        path = "saleor_services.saleor.billing.SaleorBilling"
    return _load(path) if path else RecordOnlyBilling()
