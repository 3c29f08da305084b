from django.apps import AppConfig, apps


class ServicesConfig(AppConfig):
    name = "saleor_services"
    label = "saleor_services"
    verbose_name = "Services"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .conf import get_settings

        # Fail at start-up, naming the key, rather than on the first sweep.
        get_settings()
        if apps.is_installed("saleor.graphql"):
            from .saleor.apps import saleor_ready

            saleor_ready()
