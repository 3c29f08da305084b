"""Service and renewal fields that resolve to Saleor's own types (Order, User, Checkout)."""

import graphene


def _order_context(order):
    from saleor.graphql.core.context import SyncWebhookControlContext

    # Saleor's Order type reads its order from a context wrapper, as Invoice.order does.
    return SyncWebhookControlContext(node=order) if order else None


def order_field():
    from saleor.graphql.order.types import Order

    def resolve(root, info):
        from saleor.graphql.order.dataloaders import OrderByIdLoader

        return OrderByIdLoader(info.context).load(root.order_id).then(_order_context)

    return graphene.Field(Order, description="The Saleor order the service was bought in.", resolver=resolve)


def user_field():
    from saleor.graphql.account.types import User

    def resolve(root, info):
        from saleor.graphql.account.dataloaders import UserByUserIdLoader

        if root.user_id is None:
            return None
        return UserByUserIdLoader(info.context).load(root.user_id)

    return graphene.Field(User, description="The customer who owns the service.", resolver=resolve)


def _for_staff_or_owner(info, renewal, load):
    """`load()` when the requestor is staff or owns the renewal's service, else None."""
    from ..graphql.context import requestor_from
    from ..graphql.dataloaders import ServiceByIdLoader, then

    requestor = requestor_from(info)
    if requestor.can_manage_services:
        return load()
    if requestor.user is None:
        return None

    def owned(service):
        return load() if service is not None and service.user_id == requestor.user.pk else None

    return then(ServiceByIdLoader(info.context).load_ready(renewal.service_id), owned)


def renewal_checkout_field():
    from saleor.graphql.checkout.types import Checkout

    def resolve(root, info):
        from saleor.graphql.checkout.dataloaders import CheckoutByTokenLoader
        from saleor.graphql.core.context import SyncWebhookControlContext

        if root.checkout_id is None:
            return None

        def load():
            # Like a customer's own checkouts (User.checkouts): no sync webhooks per row.
            return (
                CheckoutByTokenLoader(info.context)
                .load(root.checkout_id)
                .then(
                    lambda checkout: SyncWebhookControlContext(node=checkout, allow_sync_webhooks=False)
                    if checkout
                    else None
                )
            )

        return _for_staff_or_owner(info, root, load)

    return graphene.Field(
        Checkout,
        description=(
            "The Saleor checkout the customer pays the renewal with, while it is open. "
            "Only for staff and the service's owner."
        ),
        resolver=resolve,
    )


def renewal_order_field():
    from saleor.graphql.order.types import Order

    def resolve(root, info):
        from saleor.graphql.order.dataloaders import OrderByIdLoader

        if root.order_id is None:
            return None
        return _for_staff_or_owner(
            info, root, lambda: OrderByIdLoader(info.context).load(root.order_id).then(_order_context)
        )

    return graphene.Field(
        Order,
        description=(
            "The Saleor order the renewal's checkout became. Only for staff and the "
            "service's owner."
        ),
        resolver=resolve,
    )
