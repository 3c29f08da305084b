"""The app as Saleor installs it: Saleor's settings put the `saleor.plugins` entry
point's name, this AppConfig, into INSTALLED_APPS."""

from ..apps import ServicesConfig


class SaleorServicesConfig(ServicesConfig):
    def ready(self) -> None:
        from ..host import register_host
        from . import tasks  # noqa: F401 - the adapter's Celery tasks, for the worker
        from .host import SaleorHost
        from .schema import extend_saleor_schema

        register_host(SaleorHost())
        super().ready()
        extend_saleor_schema()
