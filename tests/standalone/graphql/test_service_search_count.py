"""A search's count: exact where the trigram index narrows it or one page lists every
match; where it cannot (a text in most services), exact up to COUNT_CAP matches counted
within COUNT_BUDGET_MS or else null, never a read of most of the table on every keystroke
of the search box."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_services import search, selectors
from saleor_services.models import Service
from saleor_services.search import count_within
from saleor_services.selectors import service_search, service_search_count

from ...many_services import copies_of
from .conftest import Api


def _timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


def _sleeping(seconds: float):
    """Services whose count takes `seconds` a row (PostgreSQL sleeps while filtering)."""
    return Service.objects.extra(where=[f"pg_sleep({seconds}) IS NOT NULL"])


def test_a_count_within_its_budget_is_exact_and_leaves_the_timeout_as_it_was(make_service):
    make_service(), make_service()
    before = _timeout()
    assert count_within(Service.objects.all(), milliseconds=1000) == 2
    assert _timeout() == before


def test_a_count_over_its_budget_is_none_and_the_transaction_goes_on(make_service):
    make_service()
    before = _timeout()
    assert count_within(_sleeping(0.2), milliseconds=20) is None
    assert _timeout() == before
    assert Service.objects.count() == 1  # the cancelled statement took nothing else with it


def test_a_count_beyond_its_cap_is_none(make_service):
    for _ in range(3):
        make_service()
    assert count_within(Service.objects.all(), milliseconds=1000, cap=3) == 3
    assert count_within(Service.objects.all(), milliseconds=1000, cap=2) is None


def _many_services(make_service, count: int):
    """`count` services alike (the first made the way a paid order makes it), analysed."""
    copies_of(make_service(), count - 1)


@pytest.fixture
def _no_sample():
    search._samples.clear()
    yield
    search._samples.clear()


def test_a_search_the_index_narrows_is_counted_exactly(make_service, _no_sample):
    _many_services(make_service, 2000)
    Service.objects.filter(pk=Service.objects.order_by("pk")[0].pk).update(domain="rare-7q.example.com")
    found = service_search(Service.objects.all(), text="rare-7q")
    assert service_search_count(found, text="rare-7q") == 1


def test_a_search_in_every_service_is_counted_when_cheap_and_not_when_it_would_read_the_table(
    make_service, _no_sample, monkeypatch
):
    _many_services(make_service, 300)
    found = service_search(Service.objects.all(), text="Hosting")
    assert service_search_count(found, text="Hosting") == 300  # the default budget suffices

    monkeypatch.setattr(selectors, "COUNT_BUDGET_MS", 1)
    slow = found.extra(where=["pg_sleep(0.001) IS NOT NULL"])  # 0.3 s to read them all
    assert service_search_count(slow, text="Hosting") is None


def _search(client, user, text: str, first: int):
    query = """query($text: String, $first: Int) { services(first: $first, search: $text) {
        totalCount pageInfo { hasNextPage } edges { node { id } } } }"""
    with CaptureQueriesContext(connection) as queries:
        content = Api(client).post(query, {"text": text, "first": first}, user=user)
    return content["data"]["services"], [q["sql"] for q in queries]


def test_the_services_list_serves_the_page_with_a_null_count_beyond_the_cap(
    client, staff_user, make_service, _no_sample
):
    _many_services(make_service, search.COUNT_CAP + 500)

    services, _ = _search(client, staff_user, "hosting", 5)

    assert services["totalCount"] is None
    assert len(services["edges"]) == 5 and services["pageInfo"]["hasNextPage"] is True


def test_a_page_that_lists_every_match_gives_their_count_without_counting(
    client, staff_user, make_service, _no_sample
):
    _many_services(make_service, 3)

    services, statements = _search(client, staff_user, "hosting", 10)

    assert services["totalCount"] == 3 and len(services["edges"]) == 3
    assert not [sql for sql in statements if "COUNT(" in sql.upper()]
