from django.core.management import call_command

from saleor_services.enums import ServiceStatus
from saleor_services.models import CancellationRequest, Service, ServiceEvent


def test_demo_seeds_every_status_and_the_page_lists_them(db, client):
    call_command("seed_demo")
    call_command("seed_demo")  # a second run adds nothing

    statuses = set(Service.objects.values_list("status", flat=True))
    assert statuses == set(ServiceStatus.values)
    assert 200 <= Service.objects.count() <= 600  # a few hundred
    from saleor_services.models import Renewal

    assert Renewal.objects.exists()
    assert CancellationRequest.objects.filter(status="PENDING").exists()
    assert ServiceEvent.objects.count() > Service.objects.count()

    page = client.get("/", {"status": "SUSPENDED"})
    assert page.status_code == 200
    suspended = Service.objects.filter(status="SUSPENDED").first()
    assert suspended.domain.encode() in page.content
    active = Service.objects.filter(status="ACTIVE").first()
    assert active.domain.encode() + b"<" not in page.content
