"""The services' search: one trigram index over the searched columns, narrowed by the
search text's rarest trigrams.

`Service.search_document` is domain, e-mail, customer name and product name joined by a
line break and upper-cased, a stored generated column (re-checking a candidate row then
compares stored text instead of upper-casing four columns again; migration 0015 freezes
`search_document()`: keep the two alike). pg_trgm's GIN index is over the document with
its separators spelt as a letter (`indexed_document`, migration 0017). A GIN scan reads
the whole posting list of every trigram it is asked for; in a store where every e-mail
ends in "example.com" the common trigrams cost tens of milliseconds and narrow nothing. So
the index is asked only for the search text's rarest trigrams (`narrowing_fragments`),
judged on the sample of documents PostgreSQL's ANALYZE keeps for the column, and the text
itself then decides, found in the document (or, for a text with a line break, in a
column): exactly what matching each column with `icontains` gives.
"""

import re
import time
from collections import Counter
from dataclasses import dataclass

from django.db import OperationalError, connections, transaction
from django.db.models import BooleanField, F, Func, TextField, Value
from django.db.models.functions import Replace, Upper

SEPARATOR = "\n"
SEARCHED_COLUMNS = ("domain", "user_email", "customer_name", "product_name")
TABLE = "saleor_services_service"
COLUMN = "search_document"
# How many trigrams the index is asked for, and from which share of the sampled documents
# on a trigram narrows too little to be worth its posting list.
NARROWING_TRIGRAMS = 3
COMMON_SHARE = 0.3
SAMPLE_MAX_AGE = 600  # seconds a process keeps the sample before reading it again
# Where the index cannot narrow a search (a text in most documents: "Hosting",
# "example.com"), counting its matches would read most of the table: it is counted up to
# COUNT_CAP matches, for at most COUNT_BUDGET_MS.
COUNT_CAP = 1000
COUNT_BUDGET_MS = 10
_QUERY_CANCELED = "57014"  # SQLSTATE of a statement cancelled by statement_timeout


def search_document() -> Upper:
    """`UPPER(domain || '\n' || user_email || …)`, upper-cased as `icontains` compares;
    immutable, as a generated column must be (the columns are NOT NULL; Django's Concat
    would wrap each part in COALESCE)."""
    parts = []
    for column in SEARCHED_COLUMNS:
        parts += [F(column), Value(SEPARATOR)]
    return Upper(
        Func(*parts[:-1], arg_joiner=" || ", output_field=TextField(), template="(%(expressions)s)")
    )


# pg_trgm takes only letters and digits for trigrams: "c.com" would give it " co", "com"
# and "om ", which every document of a store holds. The index is therefore built over the
# document with every ASCII character that is not a letter or digit spelt as one letter,
# so the text keeps trigrams of its own ("CQC", "QCO"); the text itself still decides on
# the stored document, so the spelling only ever narrows. Migration 0017 freezes the
# index's expression: keep the two alike.
# The separators of domains, e-mails, names and product names (a `replace` each: far
# cheaper for PostgreSQL than `translate`, which the index's recheck pays per candidate).
SPELT_CHARACTERS = " \n.@-_+'&/,"
SPELT_AS = "Q"
_SPELLING = str.maketrans(SPELT_CHARACTERS, SPELT_AS * len(SPELT_CHARACTERS))


def spelt(expression) -> Func:
    """`replace(replace(expression, ' ', 'Q'), …)`: immutable, as an index expression must be."""
    for character in SPELT_CHARACTERS:
        expression = Replace(expression, Value(character), Value(SPELT_AS), output_field=TextField())
    return expression


def indexed_document():
    """The document as the trigram index holds it."""
    return spelt(F(COLUMN))


_WORDS = re.compile(r"[^\W_]+")  # runs of word characters (pg_trgm's: letters and digits)


def _trigram_keys(text: str) -> set[str]:
    """What pg_trgm finds in a text, lower-cased: three word characters in a row, and a
    word's first two (" ab") and last two ("ab ") characters."""
    keys = set()
    for word in _WORDS.findall(text.lower()):
        keys.update(word[i:i + 3] for i in range(len(word) - 2))
        if len(word) >= 2:
            keys.update((" " + word[:2], word[-2:] + " "))
    return keys


@dataclass(frozen=True)
class _Sample:
    read_at: float
    documents: int
    # In how many sampled documents each trigram key occurs.
    counts: Counter


_samples: dict[str, _Sample] = {}


def _sample(using: str) -> _Sample:
    """The documents ANALYZE sampled (the column's most common values and histogram
    bounds), counted by trigram once per SAMPLE_MAX_AGE."""
    now = time.monotonic()
    cached = _samples.get(using)
    if cached is not None and now - cached.read_at < SAMPLE_MAX_AGE:
        return cached
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT most_common_vals::text::text[], histogram_bounds::text::text[] FROM pg_stats "
            "WHERE schemaname = current_schema() AND tablename = %s AND attname = %s",
            [TABLE, COLUMN],
        )
        row = cursor.fetchone()
    documents = [value.translate(_SPELLING) for values in (row or ()) for value in values or ()]
    counts = Counter(key for document in documents for key in _trigram_keys(document))
    _samples[using] = sample = _Sample(now, len(documents), counts)
    return sample


def _is_word(character: str) -> bool:
    return character.isalnum()


def _candidates(text: str) -> dict[str, str]:
    """Fragments of the text whose trigram every matching indexed document has, with
    that trigram: three characters in a row that are letters or digits once spelt
    (the spelt document is one word, so a text's ends are no word's ends)."""
    candidates = {}
    for i in range(len(text) - 2):
        window = text[i:i + 3].translate(_SPELLING)
        if all(_is_word(character) for character in window):
            candidates[text[i:i + 3]] = window.lower()
    return candidates


def narrowing_fragments(text: str, *, using: str = "default") -> list[str] | None:
    """Fragments of `text` every matching document contains, for the trigram index (as
    `narrowed` asks it): the rarest in the sample. `[text]` without a sample (never analysed); None when
    the index cannot narrow (no trigram in the text, or all of them common)."""
    candidates = _candidates(text)
    if not candidates:
        return None
    sample = _sample(using)
    if not sample.documents:
        return [text]
    shares = sorted(
        (sample.counts[key] / sample.documents, index, fragment)
        for index, (fragment, key) in enumerate(candidates.items())
    )
    rare = [fragment for share, _index, fragment in shares[:NARROWING_TRIGRAMS] if share < COMMON_SHARE]
    return rare or None


def _cancelled(error: OperationalError) -> bool:
    cause = error.__cause__
    return (getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)) == _QUERY_CANCELED


def count_within(queryset, *, milliseconds: int, cap: int | None = None) -> int | None:
    """`queryset.count()`, or None when there are more than `cap` rows or counting them
    takes longer than `milliseconds`: the statement is cancelled by PostgreSQL
    (statement_timeout, set for it alone, inside a savepoint that a cancelled count rolls
    back)."""
    alias = queryset.db
    try:
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('statement_timeout'), set_config('statement_timeout', %s, true)",
                [f"{milliseconds}ms"],
            )
            previous = cursor.fetchone()[0]
            rows = queryset.order_by()
            count = (rows if cap is None else rows.values("pk")[: cap + 1]).count()
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])
            return None if cap is not None and count > cap else count
    except OperationalError as error:
        if _cancelled(error):
            return None
        raise


# `spelt()` as SQL: `REPLACE(REPLACE(<document>, %s, %s), %s, %s)…` with its parameters.
_SPELT_OPEN = "REPLACE(" * len(SPELT_CHARACTERS)
_SPELT_CLOSE = ", %s, %s)" * len(SPELT_CHARACTERS)
_SPELT_PARAMS = tuple(value for character in SPELT_CHARACTERS for value in (character, SPELT_AS))


class _IndexedDocumentHolds(Func):
    """The indexed document holds a fragment: `spelt(search_document) LIKE '%' ||
    UPPER(fragment) || '%'`, what the trigram index answers. Written out once rather than
    built from `spelt()`'s expressions on every query: the ORM took longer to compile the
    eleven replaces per fragment than PostgreSQL took to run the search. The fragment is
    spelt here (only letters and digits then, nothing LIKE would read as a wildcard);
    PostgreSQL upper-cases it, as it did the document."""

    output_field = BooleanField()

    def __init__(self, fragment: str):
        super().__init__(F(COLUMN), Value(fragment.translate(_SPELLING)))

    def as_sql(self, compiler, connection, **extra_context):
        (document, document_params), (fragment, fragment_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        sql = f"{_SPELT_OPEN}{document}{_SPELT_CLOSE} LIKE '%%' || UPPER({fragment}) || '%%'"
        return sql, (*document_params, *_SPELT_PARAMS, *fragment_params)


def narrowed(queryset, fragments: list[str]):
    """Rows whose indexed document holds every fragment: the trigram index's candidates."""
    for fragment in fragments:
        queryset = queryset.filter(_IndexedDocumentHolds(fragment))
    return queryset
