from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete


class StandaloneConfig(AppConfig):
    name = "standalone"
    label = "standalone"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from saleor_services.host import register_host

        from .host import StandaloneHost

        register_host(StandaloneHost())
        post_delete.connect(_owner_deleted, sender=get_user_model(), dispatch_uid="services-owner-deleted")


def _owner_deleted(sender, instance, **kwargs):
    # The standalone host's "customer deleted" hook (Saleor calls the plugin instead).
    from saleor_services.actors import SYSTEM
    from saleor_services.owners import services_owner_removed

    services_owner_removed(user_id=instance.pk, actor=SYSTEM)
