from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Count
from django.shortcuts import render

from saleor_services.dashboard.serving import dashboard_response
from saleor_services.enums import ServiceStatus
from saleor_services.models import Service

from .auth import issue_token


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


def dashboard_files(request, path):
    """The extension's built files, served as Saleor's plugin route serves them."""
    return dashboard_response(path, base_href="/dashboard/")


PAGES = {
    "services": "/dashboard/services",
    "cancellation-requests": "/dashboard/cancellation-requests",
    "plans": "/dashboard/plans",
    "automation": "/dashboard/automation",
    "failed-emails": "/dashboard/failed-emails",
    "customer": "/dashboard/widgets/customer",
}


@staff_member_required
def dashboard_host(request):
    """A stand-in for the Saleor Dashboard: frames the extension and speaks AppBridge."""
    page = request.GET.get("page", "services")
    return render(
        request,
        "standalone/dashboard_host.html",
        {
            "app_path": PAGES.get(page, PAGES["services"]),
            "pages": PAGES,
            "current": page,
            "theme": "dark" if request.GET.get("theme") == "dark" else "light",
            "token": issue_token(request.user),
            "customer_id": request.GET.get("customerId", ""),
        },
    )
