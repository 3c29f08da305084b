import logging

from saleor.plugins.base_plugin import BasePlugin

from ..billing.renewals import renewal_mark_paid
from ..creation import create_services_for_paid_order
from .orders import is_renewal_order, paid_order_from_saleor, renewal_id_of

logger = logging.getLogger(__name__)


class ServicesPlugin(BasePlugin):
    PLUGIN_ID = "saleor_services"
    PLUGIN_NAME = "Services"
    PLUGIN_DESCRIPTION = (
        "Turns paid service lines into services with a billing lifecycle."
    )
    # Global and on by default: otherwise a plugin is off in every channel until
    # somebody configures it.
    CONFIGURATION_PER_CHANNEL = False
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION: list = []
    CONFIG_STRUCTURE: dict = {}

    def webhook(self, request, path, previous_value):
        """Serves the Dashboard extension and its manifest under /plugins/global/<id>/."""
        from .dashboard import plugin_route

        return plugin_route(request, path or "", plugin_id=self.PLUGIN_ID)

    def order_fully_paid(self, order, previous_value, webhooks=None):
        """Runs after commit inside Saleor's checkout and may run more than once.

        It must never raise: a failure is logged and the reconciliation sweep makes
        the services later.
        """
        renewal = is_renewal_order(order)
        try:
            if renewal:
                renewal_mark_paid(renewal_id=renewal_id_of(order), by_host=True)
            else:
                create_services_for_paid_order(paid_order_from_saleor(order))
        except Exception:
            logger.exception(
                "Could not %s paid order %s; the reconciliation sweep will retry.",
                "record the renewal payment of" if renewal else "create services for",
                getattr(order, "pk", None),
            )
        return previous_value
