from django.apps import AppConfig


class ServicesConfig(AppConfig):
    """The package's app. Its host registers itself in its own AppConfig (Saleor:
    `saleor_services.saleor.apps.SaleorServicesConfig`)."""

    name = "saleor_services"
    label = "saleor_services"
    verbose_name = "Services"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .conf import load_settings

        # Fail at start-up, naming the key, rather than on the first sweep. (The values
        # stored in the host are checked when staff save them: no query at start-up.)
        load_settings()
        self._schedule_automation()

    @staticmethod
    def _schedule_automation() -> None:
        # The host's Celery app (Saleor's inside Saleor) is the current one by now.
        from celery import current_app

        from .schedule import register_beat_schedule

        register_beat_schedule(current_app)
