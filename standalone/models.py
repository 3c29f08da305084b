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


class CatalogueVariant(models.Model):
    """The standalone stand-in for Saleor's catalogue (a product variant with its product
    and its price in each channel where it is listed), read by the host's catalogue port.
    `variant_id` and `product_id` are the ids plans and order lines name."""

    variant_id = models.BigIntegerField(unique=True)
    product_id = models.BigIntegerField()
    product_name = models.CharField(max_length=250)
    name = models.CharField(max_length=255, blank=True, default="")
    sku = models.CharField(max_length=255, null=True, blank=True)
    # channel slug -> {"amount": "4.99", "currency": "USD"}, as entered in the channel
    channel_prices = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["product_name", "product_id", "variant_id"]

    def __str__(self):
        return f"{self.product_name} {self.name}".strip()
