"""Every form needs the CSRF token of the page it came from (the portal applies Django's
check itself: Saleor has no CSRF middleware)."""

import re

from django.test import Client

from saleor_services.models import Service
from saleor_services.portal.dispatch import portal_response

from .conftest import PORTAL, enter


def test_a_post_without_the_token_is_refused_and_changes_nothing(customer, make_service, unchanged):
    client = Client(enforce_csrf_checks=True)
    enter(client, customer)
    service = make_service()
    with unchanged():
        response = client.post(f"{PORTAL}services/{service.pk}/pause/", {})
    assert response.status_code == 403


def test_a_post_with_the_token_goes_through(customer, make_service):
    client = Client(enforce_csrf_checks=True)
    enter(client, customer)
    service = make_service()
    form = client.get(f"{PORTAL}services/{service.pk}/pause/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post(f"{PORTAL}services/{service.pk}/pause/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Service.objects.get(pk=service.pk).status == "PAUSED"


def test_the_entry_point_checks_csrf_without_the_hosts_middleware(rf, customer, make_service, unchanged):
    service = make_service()
    request = rf.post(f"{PORTAL}services/{service.pk}/pause/", {})
    request._dont_enforce_csrf_checks = False
    with unchanged():
        response = portal_response(request, f"services/{service.pk}/pause/")
    assert response.status_code == 403
