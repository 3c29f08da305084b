"""The services' search: one trigram index over the searched columns, narrowed by the
search text's rarest trigrams.

`Service.search_document` is domain, e-mail, customer name and product name joined by a
line break and upper-cased, a stored generated column (re-checking a candidate row then
compares stored text instead of upper-casing four columns again) with pg_trgm's GIN index
(migration 0012, which freezes `search_document()`: keep the two alike). A GIN scan reads
the whole posting list of every trigram it is asked for; in a store where every e-mail
ends in "example.com" the common trigrams cost tens of milliseconds and narrow nothing. So
the index is asked only for the search text's rarest trigrams (`narrowing_fragments`),
judged on the sample of documents PostgreSQL's ANALYZE keeps for the column, and the text
itself then decides, found in the document (or, for a text with a line break, in a
column): exactly what matching each column with `icontains` gives.
"""

import re
import time

from django.db import connections
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Upper

SEPARATOR = "\n"
SEARCHED_COLUMNS = ("domain", "user_email", "customer_name", "product_name")
TABLE = "saleor_services_service"
COLUMN = "search_document"
# How many trigrams the index is asked for, and from which share of the sampled documents
# on a trigram narrows too little to be worth its posting list.
NARROWING_TRIGRAMS = 3
COMMON_SHARE = 0.3
SAMPLE_MAX_AGE = 600  # seconds a process keeps the sample before reading it again


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


_samples: dict[str, tuple[float, list[str]]] = {}


def _sampled_documents(using: str) -> list[str]:
    """The documents ANALYZE sampled (the column's most common values and histogram
    bounds, lower-cased as pg_trgm compares), read once per SAMPLE_MAX_AGE."""
    now = time.monotonic()
    cached = _samples.get(using)
    if cached is not None and now - cached[0] < SAMPLE_MAX_AGE:
        return cached[1]
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT most_common_vals::text::text[], histogram_bounds::text::text[] FROM pg_stats "
            "WHERE schemaname = current_schema() AND tablename = %s AND attname = %s",
            [TABLE, COLUMN],
        )
        row = cursor.fetchone()
    documents = [value.lower() for values in (row or ()) for value in values or ()]
    _samples[using] = (now, documents)
    return documents


def _is_word(character: str) -> bool:
    return character.isalnum()  # pg_trgm's word characters


def _candidates(text: str) -> list[tuple[str, re.Pattern]]:
    """Fragments of the text whose trigrams every matching document has, each with how
    to find those trigrams in a sampled document: three word characters in a row; two
    that start a word (after a non-word character of the text) or end one."""
    candidates = {}
    for i in range(len(text) - 2):
        window = text[i:i + 3]
        if all(_is_word(c) for c in window):
            candidates[window] = re.escape(window.lower())
        elif not _is_word(window[0]) and _is_word(window[1]) and _is_word(window[2]):
            candidates[window] = _WORD_START + re.escape(window[1:].lower())
        elif _is_word(window[0]) and _is_word(window[1]) and not _is_word(window[2]):
            candidates[window] = re.escape(window[:2].lower()) + _WORD_END
    return [(fragment, re.compile(pattern)) for fragment, pattern in candidates.items()]


_WORD_START = r"(?<![^\W_])"
_WORD_END = r"(?![^\W_])"


def narrowing_fragments(text: str, *, using: str = "default") -> list[str] | None:
    """Fragments of `text` every matching document contains, for the trigram index: the
    rarest in the sample. `[text]` without a sample (never analysed); None when
    the index cannot narrow (no trigram in the text, or all of them common)."""
    candidates = _candidates(text)
    if not candidates:
        return None
    documents = _sampled_documents(using)
    if not documents:
        return [text]

    def share(pattern):
        return sum(pattern.search(document) is not None for document in documents) / len(documents)

    shares = sorted((share(pattern), index, fragment) for index, (fragment, pattern) in enumerate(candidates))
    rare = [fragment for value, _index, fragment in shares[:NARROWING_TRIGRAMS] if value < COMMON_SHARE]
    return rare or None
