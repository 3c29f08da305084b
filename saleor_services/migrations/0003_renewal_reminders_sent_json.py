"""`Renewal.reminders_sent` becomes a JSON list (bulk_create can then write renewals with UNNEST)."""

from django.db import migrations, models

TABLE = "saleor_services_renewal"


class Migration(migrations.Migration):
    dependencies = [("saleor_services", "0002_sweep_partial_indexes")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE {TABLE} ALTER COLUMN reminders_sent "
                    "TYPE jsonb USING to_jsonb(reminders_sent)",
                    # A JSON list of integers reads as an array literal once its brackets turn.
                    f"ALTER TABLE {TABLE} ALTER COLUMN reminders_sent "
                    "TYPE smallint[] USING translate(reminders_sent::text, '[]', '{}')::smallint[]",
                ),
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="renewal",
                    name="reminders_sent",
                    field=models.JSONField(blank=True, default=list),
                ),
            ],
        ),
    ]
