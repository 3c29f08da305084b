"""The billing port: the host's payable document for a renewal (or an upgrade).

Inside Saleor the adapter (`saleor_services.saleor.renewal_checkouts`) makes it in Saleor;
elsewhere the renewal itself is the document and staff record the payment.
"""

import functools
from typing import Protocol

from django.utils.module_loading import import_string

from ..conf import get_settings
from ..host import get_host


class Billing(Protocol):
    # True when renewals get a separate payable document (and their e-mail waits for it).
    opens_documents: bool

    def open_documents_later(self, renewal_ids: list[int]) -> None:
        """Called after commit with new renewals; opens their documents (may be async)."""

    def void_documents_later(self, renewal_ids: list[int]) -> None:
        """Called after commit with voided renewals; releases their documents, so
        nothing is left for the customer to pay (may be async)."""


class RecordOnlyBilling:
    """The renewal is the invoice; payment is recorded with `renewal_mark_paid`."""

    opens_documents = False

    def open_documents_later(self, renewal_ids: list[int]) -> None:
        return None

    def void_documents_later(self, renewal_ids: list[int]) -> None:
        return None


@functools.cache
def _load(path: str) -> Billing:
    return import_string(path)()


def get_billing() -> Billing:
    path = get_settings().BILLING or get_host().default_billing_path()
    return _load(path) if path else RecordOnlyBilling()
