from django.contrib import admin

from saleor_services.models import CancellationRequest, Renewal, Service, ServiceEvent, ServicePlan

from .models import App, StaffChannelRestriction


class ReadOnlyAdmin(admin.ModelAdmin):
    """State changes go through the lifecycle functions, never through a form."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ServicePlan)
class ServicePlanAdmin(admin.ModelAdmin):
    list_display = ("name", "variant_id", "product_id", "billing_cycle", "cancellation_mode", "activation_mode")


class ServiceEventInline(admin.TabularInline):
    model = ServiceEvent
    extra = 0
    can_delete = False
    readonly_fields = ("date", "type", "actor_type", "user", "app_id", "parameters")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Service)
class ServiceAdmin(ReadOnlyAdmin):
    list_display = ("pk", "product_name", "domain", "user_email", "billing_cycle", "next_due_date", "status")
    list_filter = ("status", "plan", "billing_cycle")
    search_fields = ("domain", "user_email", "customer_name", "product_name")
    exclude = ("password",)
    inlines = [ServiceEventInline]


@admin.register(CancellationRequest)
class CancellationRequestAdmin(ReadOnlyAdmin):
    list_display = ("pk", "service", "type", "status", "effective_date", "created_at")
    list_filter = ("status", "type")


@admin.register(Renewal)
class RenewalAdmin(ReadOnlyAdmin):
    list_display = ("pk", "service", "period_start", "period_end", "amount", "currency", "status")
    list_filter = ("status",)


@admin.register(StaffChannelRestriction)
class StaffChannelRestrictionAdmin(admin.ModelAdmin):
    list_display = ("user", "channel_slugs")


@admin.register(App)
class AppAdmin(admin.ModelAdmin):
    list_display = ("name", "is_active", "manage_orders")
