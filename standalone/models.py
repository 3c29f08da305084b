from django.db import models


class HostPermissions(models.Model):
    """Carries the standalone host's stand-in for Saleor's MANAGE_ORDERS (no table)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("manage_orders", "Manage orders and services (Saleor's MANAGE_ORDERS)")]
