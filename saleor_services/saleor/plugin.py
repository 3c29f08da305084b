import logging

from saleor.order import OrderChargeStatus, OrderStatus
from saleor.plugins.base_plugin import BasePlugin

from ..actors import SYSTEM, Actor
from ..creation import create_services_for_paid_order
from ..enums import ActorType
from ..owners import services_owner_removed
from . import plugin_config
from .orders import is_renewal_order, paid_order_from_saleor

logger = logging.getLogger(__name__)

PAID_CHARGE_STATUSES = (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED)


def _never_raise(what: str, pk, call, *, then: str = "the reconciliation sweep will retry") -> None:
    """Saleor calls the hooks after its commit, in the customer's or staff's request: a
    failure is logged and left to the reconciliation step, never raised into Saleor."""
    try:
        call()
    except Exception:
        logger.exception("Could not %s %s; %s.", what, pk, then)


def _requestor_actor(requestor) -> Actor:
    """Who Saleor says made the request: a staff user, an app, or nobody (the system)."""
    from saleor.app.models import App

    # Saleor's requestor is lazy: isinstance() and attribute reads resolve it.
    if requestor is None:
        return SYSTEM
    if isinstance(requestor, App):
        return Actor.app(requestor.pk)
    if getattr(requestor, "is_authenticated", False):
        return Actor.staff(requestor)
    return SYSTEM


class ServicesPlugin(BasePlugin):
    PLUGIN_ID = plugin_config.PLUGIN_ID
    PLUGIN_NAME = "Services"
    PLUGIN_DESCRIPTION = (
        "Turns paid service lines into services with a billing lifecycle."
    )
    # Global and on by default: otherwise a plugin is off in every channel until
    # somebody configures it.
    CONFIGURATION_PER_CHANNEL = False
    DEFAULT_ACTIVE = True
    # Settings staff edit on the plugin's page (blank: the code's SALEOR_SERVICES value).
    DEFAULT_CONFIGURATION = plugin_config.DEFAULT_CONFIGURATION
    CONFIG_STRUCTURE = plugin_config.CONFIG_STRUCTURE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ..conf import stored_settings_loaded

        # Saleor loaded this configuration for the request already: the settings use it
        # (no query of their own, and the request sees what staff saved).
        stored_settings_loaded(plugin_config.stored_values(self.configuration))

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration, **kwargs):
        plugin_config.validate(plugin_configuration.configuration)

    @classmethod
    def save_plugin_configuration(cls, plugin_configuration, cleaned_data):
        from ..conf import settings_changed

        saved = super().save_plugin_configuration(plugin_configuration, cleaned_data)
        settings_changed()
        return saved

    def webhook(self, request, path, previous_value):
        """Serves the Dashboard extension and its manifest under /plugins/global/<id>/."""
        from .dashboard import plugin_route

        return plugin_route(request, path or "", plugin_id=self.PLUGIN_ID)

    def customer_deleted(self, customer, previous_value, webhooks=None):
        """Staff deleted a customer (the row is already gone): apply the owner policy."""
        _never_raise(
            "apply the owner-removal policy to the services of user", customer.pk,
            lambda: services_owner_removed(user_id=customer.pk, actor=_requestor_actor(self.requestor)),
        )
        return previous_value

    def account_deleted(self, account, previous_value):
        """A customer deleted their own account; they are recorded without a user row."""
        _never_raise(
            "apply the owner-removal policy to the services of user", account.pk,
            lambda: services_owner_removed(user_id=account.pk, actor=Actor(type=ActorType.CUSTOMER)),
        )
        return previous_value

    def order_fully_paid(self, order, previous_value, webhooks=None):
        """Runs after commit inside Saleor's checkout and may run more than once."""

        def record():
            if is_renewal_order(order):
                from .renewal_payments import renewal_order_paid

                renewal_order_paid(order)
            elif order.status != OrderStatus.UNCONFIRMED:
                # An unconfirmed order waits for staff (fraud screening): its services
                # come with `order_confirmed`.
                create_services_for_paid_order(paid_order_from_saleor(order))

        _never_raise("create services for (or record the renewal of) paid order", getattr(order, "pk", None), record)
        return previous_value

    def order_confirmed(self, order, previous_value, webhooks=None):
        """Staff confirmed an order that was already paid: its services are made now."""

        def create():
            if not is_renewal_order(order) and order.charge_status in PAID_CHARGE_STATUSES:
                create_services_for_paid_order(paid_order_from_saleor(order))

        _never_raise("create services for confirmed order", getattr(order, "pk", None), create)
        return previous_value

    def order_created(self, order, previous_value, webhooks=None):
        if is_renewal_order(order):
            from .renewal_payments import renewal_order_created

            _never_raise("link the renewal of order", order.pk, lambda: renewal_order_created(order))
        return previous_value

    def order_cancelled(self, order, previous_value, webhooks=None):
        if is_renewal_order(order):
            from .renewal_payments import renewal_order_cancelled

            _never_raise("void the renewal of cancelled order", order.pk, lambda: renewal_order_cancelled(order))
        return previous_value

    def order_refunded(self, order, previous_value, webhooks=None):
        if is_renewal_order(order):
            from .renewal_payments import renewal_order_refunded

            _never_raise("record the refund of renewal order", order.pk, lambda: renewal_order_refunded(order))
        return previous_value

    def order_fully_refunded(self, order, previous_value, webhooks=None):
        if is_renewal_order(order):
            from .renewal_payments import renewal_order_refunded

            _never_raise(
                "record the refund of renewal order",
                order.pk,
                lambda: renewal_order_refunded(order, fully=True),
            )
        return previous_value

    def checkout_updated(self, checkout, previous_value, webhooks=None):
        """A renewal's checkout keeps its renewal line at one unit (checkout_guard)."""
        from .checkout_guard import guard_renewal_checkout

        _never_raise(
            "keep the renewal line at one unit in checkout",
            getattr(checkout, "pk", None),
            lambda: guard_renewal_checkout(checkout),
            then="its payment settles one period regardless",
        )
        return previous_value
