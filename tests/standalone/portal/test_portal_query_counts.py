"""Pages run a constant number of queries, whatever the number of services."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_services.cancellation import cancellation_request_create

from ..conftest import PASSWORD
from .conftest import PORTAL, open_renewal


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def _services(make_service, as_customer, count):
    services = [make_service(status) for status in (["ACTIVE", "SUSPENDED"] * count)[:count]]
    for service in services[::3]:
        cancellation_request_create(
            service_id=service.pk, actor=as_customer, type="END_OF_BILLING_PERIOD", reason="r", password=PASSWORD
        )
    for service in services[1::2]:
        open_renewal(service)
    return services


def test_the_list_pages_queries_do_not_grow_with_services(signed_in, make_service, as_customer):
    [one] = _services(make_service, as_customer, 1)
    counts_for_one = [_queries(signed_in, f"{PORTAL}services/{view}") for view in ("", "?view=list")]
    _services(make_service, as_customer, 19)
    counts_for_twenty = [_queries(signed_in, f"{PORTAL}services/{view}") for view in ("", "?view=list")]
    assert counts_for_twenty == counts_for_one
    assert max(counts_for_one) <= 7


def test_the_detail_pages_queries_do_not_grow_with_renewals(signed_in, make_service, as_customer):
    [service] = _services(make_service, as_customer, 1)
    before = _queries(signed_in, f"{PORTAL}services/{service.pk}/")
    from saleor_services.models import Renewal

    for month in range(1, 12):
        renewal = open_renewal(service)
        Renewal.objects.filter(pk=renewal.pk).update(
            period_start=renewal.period_start.replace(year=2030, month=month), status="PAID"
        )
    assert _queries(signed_in, f"{PORTAL}services/{service.pk}/") == before <= 8
