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
        self._schedule_automation()
        if apps.is_installed("saleor.graphql"):
            from .saleor.apps import saleor_ready

            saleor_ready()

    @staticmethod
    def _schedule_automation() -> None:
        # The host's Celery app (Saleor's inside Saleor) is the current one by now.
        from celery import current_app

        from .schedule import register_beat_schedule

        register_beat_schedule(current_app)
