# The search box's trigram index, rebuilt over the document with the separators of
# domains, e-mails and names spelt as a letter (saleor_services/search.py: a text like
# "c.com" gets trigrams of its own). Built concurrently, with writes going on, before the
# old index is dropped, so searches keep an index throughout.

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations, models
from django.db.models.functions import Replace

# Frozen here: search.SPELT_CHARACTERS and search.SPELT_AS when this index was made.
SPELT_CHARACTERS = " \n.@-_+'&/,"
SPELT_AS = "Q"


def _spelt_document():
    expression = models.F("search_document")
    for character in SPELT_CHARACTERS:
        expression = Replace(
            expression, models.Value(character), models.Value(SPELT_AS), output_field=models.TextField()
        )
    return expression


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("saleor_services", "0016_event_and_alert_choices"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="service",
            index=GinIndex(OpClass(_spelt_document(), name="gin_trgm_ops"), name="service_search_spelt_trgm_idx"),
        ),
        RemoveIndexConcurrently(model_name="service", name="service_search_trgm_idx"),
    ]
