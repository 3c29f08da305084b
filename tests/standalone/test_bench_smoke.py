"""The benchmark suite still runs (a 10k-service variant; the figures are not judged)."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def smoke_database():
    base = urlsplit(os.environ.get("SERVICES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/saleor_services"))
    # Named after the test database's own, so test runs of several checkouts never share it.
    name = f"{base.path.lstrip('/') or 'saleor_services'}_bench_smoke"
    admin = urlunsplit(base._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    yield urlunsplit(base._replace(path=f"/{name}"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_benchmarks_run_at_10k(smoke_database, tmp_path):
    results = tmp_path / "RESULTS.md"
    completed = subprocess.run(
        [sys.executable, "-m", "bench.run", "--sizes", "10000", "--repeat", "1", "--results", str(results)],
        cwd=ROOT, env=os.environ | {"SERVICES_DATABASE_URL": smoke_database},
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    text = results.read_text()
    assert "## 10,000 services" in text
    for measurement in ("create_services_for_paid_order, 10 service line(s)",
                        "services(first: 100) sorted by NEXT_DUE_DATE, after row 9,000", "whole daily run",
                        "naive per-row loop", "serviceBulkSuspend of 100", "Peak RSS"):
        assert measurement in text
