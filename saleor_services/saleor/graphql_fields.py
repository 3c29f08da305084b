"""Service fields that resolve to Saleor's own types (Order, User)."""

import graphene


def order_field():
    from saleor.graphql.order.types import Order

    def resolve(root, info):
        from saleor.graphql.core.context import SyncWebhookControlContext
        from saleor.graphql.order.dataloaders import OrderByIdLoader

        # Saleor's Order type reads its order from a context wrapper, as Invoice.order does.
        return (
            OrderByIdLoader(info.context)
            .load(root.order_id)
            .then(lambda order: SyncWebhookControlContext(node=order) if order else None)
        )

    return graphene.Field(Order, description="The Saleor order the service was bought in.", resolver=resolve)


def user_field():
    from saleor.graphql.account.types import User

    def resolve(root, info):
        from saleor.graphql.account.dataloaders import UserByUserIdLoader

        if root.user_id is None:
            return None
        return UserByUserIdLoader(info.context).load(root.user_id)

    return graphene.Field(User, description="The customer who owns the service.", resolver=resolve)
