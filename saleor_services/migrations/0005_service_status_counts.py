"""Per-status service counts kept by triggers, so status tabs need no COUNT(*) over services.

Statement-level AFTER triggers read the statement's transition tables and append one row
per status whose number changed; an UPDATE that leaves statuses alone appends nothing.
The current counts are written once, under the trigger's table lock, so none is missed.
"""

from django.db import migrations, models

SERVICES = "saleor_services_service"
COUNTS = "saleor_services_servicestatuscount"

CREATE = f"""
CREATE FUNCTION saleor_services_count_statuses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {COUNTS} (status, delta)
        SELECT status, count(*) FROM added GROUP BY status;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO {COUNTS} (status, delta)
        SELECT status, -count(*) FROM removed GROUP BY status;
    ELSE
        INSERT INTO {COUNTS} (status, delta)
        SELECT status, sum(change) FROM (
            SELECT status, 1 AS change FROM added
            UNION ALL
            SELECT status, -1 FROM removed
        ) AS changes
        GROUP BY status HAVING sum(change) <> 0;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION saleor_services_forget_status_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM {COUNTS};
    RETURN NULL;
END $$;

CREATE TRIGGER service_status_count_insert AFTER INSERT ON {SERVICES}
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION saleor_services_count_statuses();
CREATE TRIGGER service_status_count_update AFTER UPDATE ON {SERVICES}
    REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION saleor_services_count_statuses();
CREATE TRIGGER service_status_count_delete AFTER DELETE ON {SERVICES}
    REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION saleor_services_count_statuses();
CREATE TRIGGER service_status_count_truncate AFTER TRUNCATE ON {SERVICES}
    FOR EACH STATEMENT EXECUTE FUNCTION saleor_services_forget_status_counts();

INSERT INTO {COUNTS} (status, delta) SELECT status, count(*) FROM {SERVICES} GROUP BY status;
"""

DROP = f"""
DROP TRIGGER service_status_count_insert ON {SERVICES};
DROP TRIGGER service_status_count_update ON {SERVICES};
DROP TRIGGER service_status_count_delete ON {SERVICES};
DROP TRIGGER service_status_count_truncate ON {SERVICES};
DROP FUNCTION saleor_services_count_statuses();
DROP FUNCTION saleor_services_forget_status_counts();
"""


class Migration(migrations.Migration):
    dependencies = [("saleor_services", "0004_index_only_what_is_looked_up")]

    operations = [
        migrations.CreateModel(
            name="ServiceStatusCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("status", models.CharField(max_length=16)),
                ("delta", models.BigIntegerField()),
            ],
        ),
        migrations.RunSQL(CREATE, DROP),
    ]
