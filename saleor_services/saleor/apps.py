"""What the app does when it starts inside Saleor."""


def saleor_ready() -> None:
    from ..automation import HOST_STEPS
    from .reconcile import reconcile
    from .schema import extend_saleor_schema

    extend_saleor_schema()
    HOST_STEPS["reconcile"] = reconcile
