# The search box (saleor_services/search.py): a stored generated column of the searched
# columns, upper-cased, and its trigram index. pg_trgm is a trusted extension (PostgreSQL
# 13+): the database owner may create it (Saleor's own migrations create it too).
# Adding the column rewrites the table (about a minute at a million services, under an
# exclusive lock); the index is then built concurrently, with writes going on.

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import AddIndexConcurrently, TrigramExtension
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("saleor_services", "0014_outbox_claims_and_staff_alerts"),
    ]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="service",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    models.Func(
                        models.F("domain"),
                        models.Value("\n"),
                        models.F("user_email"),
                        models.Value("\n"),
                        models.F("customer_name"),
                        models.Value("\n"),
                        models.F("product_name"),
                        arg_joiner=" || ",
                        output_field=models.TextField(),
                        template="(%(expressions)s)",
                    )
                ),
                output_field=models.TextField(),
            ),
        ),
        AddIndexConcurrently(
            model_name="service",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(models.F("search_document"), name="gin_trgm_ops"),
                name="service_search_trgm_idx",
            ),
        ),
    ]
