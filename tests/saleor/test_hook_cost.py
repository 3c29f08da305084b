"""What the plugin adds to Saleor's own fully-paid path (`orderMarkAsPaid`), measured.

Each order is marked paid once with the plugin and once without it (a copy of the order),
for 1, 10 and 50 service lines. The figures go to test-artifacts/saleor-hook-cost.md for
bench/RESULTS.md; the test asserts only that the plugin's queries do not grow with lines.
"""

import statistics
import time
import uuid
from pathlib import Path

import graphene
import pytest

pytest.importorskip("saleor")

from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from saleor.graphql.tests.utils import get_graphql_content  # noqa: E402
from saleor.order.models import Order, get_order_number  # noqa: E402

from saleor_services.models import Service, ServicePlan  # noqa: E402

from .conftest import PLUGIN_PATH  # noqa: E402

MARK_AS_PAID = """
mutation markPaid($id: ID!) { orderMarkAsPaid(id: $id) { errors { code } order { isPaid } } }
"""
REPEAT = 7
ARTIFACT = Path(__file__).resolve().parents[2] / "test-artifacts" / "saleor-hook-cost.md"


def _copy_order(template: Order, service_line_id, service_lines: int) -> Order:
    """An unpaid copy of the template order whose service line appears `service_lines` times."""
    lines = list(template.lines.all())
    order = Order.objects.get(pk=template.pk)
    order.pk, order.number = uuid.uuid4(), get_order_number()
    order.save(force_insert=True)
    for line in lines:
        for _ in range(service_lines if line.pk == service_line_id else 1):
            line.pk, line.order = uuid.uuid4(), order
            line.save(force_insert=True)
    return order


def _mark_paid(api_client, order) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = api_client.post_graphql(MARK_AS_PAID, {"id": graphene.Node.to_global_id("Order", order.pk)})
        seconds = time.perf_counter() - start
    data = get_graphql_content(response)["data"]["orderMarkAsPaid"]
    assert data["errors"] == [] and data["order"]["isPaid"] is True
    return seconds, len(queries)


@pytest.fixture
def celery_on_redis(settings):
    """Tasks queued on Redis as in production, not run inside the request (Saleor's test
    settings run them eagerly, which would time the e-mails with the request)."""
    import redis

    url = "redis://127.0.0.1:6379/15"
    # Saleor's Celery app reads these from the Django settings.
    settings.CELERY_TASK_ALWAYS_EAGER, settings.CELERY_BROKER_URL = False, url
    yield
    redis.Redis.from_url(url).flushdb()


@pytest.mark.django_db
def test_plugin_cost_on_order_mark_as_paid(
    settings, celery_on_redis, staff_api_client, permission_group_manage_orders, order_with_lines
):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    service_line = order_with_lines.lines.order_by("product_sku").first()
    service_line.quantity = 1
    service_line.save(update_fields=["quantity"])
    ServicePlan.objects.create(name="Hosting", variant_id=service_line.variant_id)
    for plugins in ([], [PLUGIN_PATH]):  # warm-up: Saleor's per-process caches
        settings.PLUGINS = plugins
        _mark_paid(staff_api_client, _copy_order(order_with_lines, service_line.pk, 1))
    Service.objects.all().delete()
    rows, added_queries = [], {}
    for lines in (1, 10, 50):
        measured = {}
        for plugins in ([], [PLUGIN_PATH]):
            settings.PLUGINS = plugins
            runs = [_mark_paid(staff_api_client, _copy_order(order_with_lines, service_line.pk, lines))
                    for _ in range(REPEAT)]
            measured[bool(plugins)] = (statistics.median(s for s, _ in runs) * 1000, max(q for _, q in runs))
        (without_ms, without_q), (with_ms, with_q) = measured[False], measured[True]
        added_queries[lines] = with_q - without_q
        rows.append(f"| {lines} | {without_ms:.1f} | {without_q} | {with_ms:.1f} | {with_q} | "
                    f"{with_ms - without_ms:+.1f} | {with_q - without_q:+d} |")

    assert Service.objects.count() == REPEAT * (1 + 10 + 50)
    # Sent after commit by Celery in production; none is sent inside these requests.
    assert len(mail.outbox) == 0
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text("\n".join([
        f"`orderMarkAsPaid` through Saleor's GraphQL API, median of {REPEAT} orders (ms), queries per request.", "",
        "| service lines | without plugin ms | queries | with plugin ms | queries | added ms | added queries |",
        "|---|---|---|---|---|---|---|", *rows, "",
    ]))
    assert added_queries[1] == added_queries[10] == added_queries[50], added_queries
