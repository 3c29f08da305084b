"""The search box through its trigram index: the same rows as per-column icontains,
whether the index is asked for the whole text (no statistics yet) or for the text's
rarest fragments (judged on ANALYZE's sample)."""

import pytest
from django.db import connection

from saleor_services import search
from saleor_services.models import Service
from saleor_services.search import narrowing_fragments
from saleor_services.selectors import service_filter, service_search

TERMS = [
    "site1", "SITE12.example", "te7.exa", "c3@", "Customer 4", "customer 41", "no-such-service", "Hosting",
    "ab", "e", "100%", "a_b", "example.com\nc1", "xample.com c", "Ω", "  site2  ",
    "c.com", "site.example", "1.example.com", "@", "q", "QQQ", "eqe",
]


def _expected(text: str, columns=search.SEARCHED_COLUMNS) -> list[int]:
    text = text.strip().upper()
    return sorted(
        row["pk"] for row in Service.objects.values("pk", *columns)
        if any(text in row[column].upper() for column in columns)
    )


@pytest.fixture
def services(make_service):
    made = [make_service() for _ in range(40)]
    for index, service in enumerate(made):
        Service.objects.filter(pk=service.pk).update(
            domain=f"site{index}.example.com", user_email=f"c{index % 10}@example.com",
            customer_name=f"Customer {index}", product_name="Hosting S" if index % 2 else "Mail 100%",
        )
    search._samples.clear()
    yield made
    search._samples.clear()


def _analyse():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE saleor_services_service")
    search._samples.clear()


@pytest.mark.parametrize("analysed", [False, True], ids=["no statistics", "after ANALYZE"])
def test_search_finds_what_each_column_contains(services, analysed):
    if analysed:
        _analyse()
    for term in TERMS:
        found = sorted(service_search(Service.objects.all(), text=term).values_list("pk", flat=True))
        assert found == _expected(term), term


@pytest.mark.parametrize("analysed", [False, True], ids=["no statistics", "after ANALYZE"])
def test_customer_filter_finds_what_the_e_mail_or_name_contains(services, analysed):
    if analysed:
        _analyse()
    for term in ("c3@", "Customer 4", "site1", "Hosting", "xample"):
        found = sorted(service_filter(Service.objects.all(), customer=term).values_list("pk", flat=True))
        assert found == _expected(term, ("user_email", "customer_name")), term


def test_the_index_is_asked_for_the_rarest_fragments_once_analysed(services):
    assert narrowing_fragments("site12.exa") == ["site12.exa"]  # no sample yet: the whole text
    _analyse()

    fragments = narrowing_fragments("site12.exa")

    # Every sampled document has "site" and "exa": only fragments that narrow are asked for.
    assert fragments and all(fragment in "site12.exa" for fragment in fragments)
    assert not {"sit", "ite", "exa"} & set(fragments)
    assert narrowing_fragments("Customer") is None  # in every row: the index cannot narrow
    assert narrowing_fragments("ab") is None  # no trigram
    # Punctuation is spelt as a letter in the index: "c.com" has trigrams no row has,
    # where pg_trgm alone would see only "com" (in every row).
    assert narrowing_fragments("c.com") and narrowing_fragments("site.example")


def test_the_narrowed_search_is_answered_by_the_trigram_index(services):
    """The narrowing is written out by hand (search._IndexedDocumentHolds); PostgreSQL
    uses an expression index only for the same expression: with sequential and plain
    index scans priced out, the trigram index is the plan's only way in."""
    found = service_search(Service.objects.all(), text="site12.exa").order_by("-created_at")[:101]
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "service_search_spelt_trgm_idx" in plan, plan
    assert sorted(s.pk for s in found) == _expected("site12.exa")
