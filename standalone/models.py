from django.conf import settings
from django.db import models


class HostPermissions(models.Model):
    """Carries the standalone host's stand-in for Saleor's MANAGE_ORDERS (no table)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("manage_orders", "Manage orders and services (Saleor's MANAGE_ORDERS)")]


class StaffChannelRestriction(models.Model):
    """The standalone stand-in for Saleor's permission groups restricted to channels: a
    staff user with a row reaches only these channels' services."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="channel_restriction"
    )
    channel_slugs = models.JSONField(default=list)


class App(models.Model):
    """The standalone stand-in for a Saleor App: signs in with an app token
    (`standalone.auth.issue_app_token`); never restricted to channels, as in Saleor."""

    name = models.CharField(max_length=255)
    is_active = models.BooleanField(default=True)
    manage_orders = models.BooleanField(default=False)
