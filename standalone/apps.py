from django.apps import AppConfig


class StandaloneConfig(AppConfig):
    name = "standalone"
    label = "standalone"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from saleor_services.host import register_host

        from .host import StandaloneHost

        register_host(StandaloneHost())
