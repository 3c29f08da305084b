"""What the app does when it starts inside Saleor."""


def saleor_ready() -> None:
    from .schema import extend_saleor_schema

    extend_saleor_schema()
