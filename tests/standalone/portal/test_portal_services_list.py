"""My services: own services only, tabs with counts, archived hidden, sorting, both views."""

import re

from saleor_services.models import Service

from .conftest import PORTAL, open_renewal, text


def _listed(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-service="(\d+)"', text(response))]


def _count(response, tab: str) -> int:
    match = re.search(rf'data-tab="{tab}"[^>]*>[^<]*<span class="count" data-count>(\d+)</span>', text(response))
    return int(match.group(1))


def test_only_the_customers_own_services_are_listed(signed_in, make_service, other_customer):
    mine = make_service()
    make_service(user=other_customer)
    response = signed_in.get(f"{PORTAL}services/")
    assert _listed(response) == [mine.pk]


def test_status_tabs_count_and_filter_and_archived_is_hidden(signed_in, make_service):
    active = [make_service("ACTIVE"), make_service("ACTIVE")]
    suspended = make_service("SUSPENDED")
    make_service("ARCHIVED")
    page = signed_in.get(f"{PORTAL}services/")
    assert sorted(_listed(page)) == sorted([s.pk for s in active] + [suspended.pk])
    counts = [_count(page, tab) for tab in ("ALL", "ACTIVE", "SUSPENDED", "PAUSED")]
    assert counts == [3, 2, 1, 0]
    assert _listed(signed_in.get(f"{PORTAL}services/?status=SUSPENDED")) == [suspended.pk]
    assert _listed(signed_in.get(f"{PORTAL}services/?status=ARCHIVED")) == sorted(
        [s.pk for s in active] + [suspended.pk], reverse=True
    )  # not a tab: everything but archived


def test_sorting_by_name_next_due_and_status(signed_in, make_service):
    services = [make_service(status) for status in ("SUSPENDED", "ACTIVE", "PENDING")]
    for service, name in zip(services, ("Beta", "Alpha", "Gamma"), strict=True):
        Service.objects.filter(pk=service.pk).update(product_name=name)
    Service.objects.filter(pk=services[0].pk).update(next_due_date="2026-01-01")
    by_name = signed_in.get(f"{PORTAL}services/?sort=name&dir=asc")
    assert _listed(by_name) == [services[1].pk, services[0].pk, services[2].pk]
    by_name_desc = signed_in.get(f"{PORTAL}services/?sort=name&dir=desc")
    assert _listed(by_name_desc) == [services[2].pk, services[0].pk, services[1].pk]
    assert _listed(signed_in.get(f"{PORTAL}services/?sort=next_due&dir=asc"))[0] == services[0].pk
    by_status = signed_in.get(f"{PORTAL}services/?sort=status&dir=asc")
    assert _listed(by_status) == [services[1].pk, services[2].pk, services[0].pk]


def test_card_and_list_views_show_the_columns(signed_in, make_service):
    service = make_service()
    Service.objects.filter(pk=service.pk).update(domain="shop.example.org")
    cards = text(signed_in.get(f"{PORTAL}services/"))
    assert 'data-testid="services-cards"' in cards and "shop.example.org" in cards
    table = text(signed_in.get(f"{PORTAL}services/?view=list"))
    assert 'data-testid="services-table"' in table
    for column in ("Product", "Domain / label", "Billing cycle", "Next due date", "Status"):
        assert f'<th scope="col">{column}</th>' in table
    assert 'class="badge badge-active" data-status="ACTIVE">Active<' in table


def test_an_open_request_labels_the_service_and_disables_cancel(signed_in, make_service, as_customer):
    from saleor_services.cancellation import cancellation_request_create

    from ..conftest import PASSWORD

    service = make_service()
    cancellation_request_create(
        service_id=service.pk, actor=as_customer, type="END_OF_BILLING_PERIOD", reason="Moving", password=PASSWORD
    )
    page = text(signed_in.get(f"{PORTAL}services/?view=list"))
    assert 'data-testid="cancellation-requested"' in page
    assert re.search(r'<button[^>]*disabled[^>]*aria-describedby="why-\d+"', page)
    assert "A cancellation was already requested for this service." in page
    assert 'data-testid="cancel-link"' not in page


def test_a_suspended_service_points_to_its_unpaid_renewal_and_pay_button(signed_in, make_service):
    service = make_service("SUSPENDED")
    renewal = open_renewal(service)
    page = text(signed_in.get(f"{PORTAL}services/"))
    assert 'data-testid="suspended-note"' in page
    assert f'href="{renewal.payment_url.replace("&", "&amp;")}" data-testid="pay"' in page
