"""Pause (with an optional resume date) and resume, as the plan allows."""

from datetime import timedelta

from django.utils import timezone

from saleor_services.models import Service, ServicePlan

from .conftest import PORTAL, text


def test_pause_with_a_resume_date_then_resume(signed_in, make_service):
    service = make_service(today=timezone.localdate())
    resume_on = timezone.localdate() + timedelta(days=10)
    response = signed_in.post(f"{PORTAL}services/{service.pk}/pause/", {"resume_on": resume_on.isoformat()})
    assert response["Location"] == f"{PORTAL}services/{service.pk}/?done=paused"
    paused = Service.objects.get(pk=service.pk)
    assert (paused.status, paused.resume_on) == ("PAUSED", resume_on)
    assert 'data-testid="resume"' in text(signed_in.get(response["Location"]))

    response = signed_in.post(f"{PORTAL}services/{service.pk}/resume/")
    assert response["Location"] == f"{PORTAL}services/{service.pk}/?done=resumed"
    assert Service.objects.get(pk=service.pk).status == "ACTIVE"
    assert [e.type for e in service.events.order_by("pk")][-2:] == ["PAUSED", "RESUMED"]


def test_a_past_resume_date_is_refused(signed_in, make_service, unchanged):
    service = make_service()
    with unchanged():
        response = signed_in.post(f"{PORTAL}services/{service.pk}/pause/", {"resume_on": "2001-01-01"})
    assert response.status_code == 400


def test_a_plan_without_pause_shows_no_pause(signed_in, make_service, unchanged):
    service = make_service(plan=ServicePlan.objects.create(name="Fixed", variant_id=23, allow_pause=False))
    assert 'data-testid="pause"' not in text(signed_in.get(f"{PORTAL}services/{service.pk}/"))
    with unchanged():
        assert signed_in.post(f"{PORTAL}services/{service.pk}/pause/", {}).status_code == 400
