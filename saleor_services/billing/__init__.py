"""Billing: cycles, proration, renewals, plan changes and the billing port.

The port (`port.get_billing`) is the host's payable document for a renewal: inside
Saleor the adapter in `saleor_services.saleor.renewal_checkouts`; elsewhere the renewal
itself, paid with `renewals.renewal_mark_paid`.
"""
