from django.db.models import Count
from django.shortcuts import render

from saleor_services.enums import ServiceStatus
from saleor_services.models import Service


def service_list(request):
    """A read-only overview of the seeded store: counts per status and the services."""
    status = request.GET.get("status")
    services = Service.objects.select_related("plan").order_by("next_due_date", "pk")
    if status in ServiceStatus.values:
        services = services.filter(status=status)
    counts = dict(Service.objects.values_list("status").annotate(n=Count("pk")))
    tabs = [(choice, label, counts.get(choice, 0)) for choice, label in ServiceStatus.choices]
    return render(
        request,
        "standalone/services.html",
        {"services": services[:500], "tabs": tabs, "current": status},
    )
