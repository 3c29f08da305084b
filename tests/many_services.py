"""Many services at once, for both tiers' search tests: copies of one service written by
PostgreSQL (thousands in a moment), then analysed, as a store's statistics would be."""

from django.db import connection

from saleor_services import search
from saleor_services.models import Service


def copies_of(service: Service, count: int) -> None:
    """`count` more services like `service` (each its own order line), then ANALYZE."""
    columns = [
        field.column for field in Service._meta.concrete_fields
        if not field.primary_key and not field.generated and field.column not in ("order_line_id", "unit_index")
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO saleor_services_service ({', '.join(columns)}, order_line_id, unit_index) "
            f"SELECT {', '.join('s.' + c for c in columns)}, gen_random_uuid(), g "
            f"FROM saleor_services_service s, generate_series(1, %s) g WHERE s.id = %s",
            [count, service.pk],
        )
        cursor.execute("ANALYZE saleor_services_service")
    search._samples.clear()
