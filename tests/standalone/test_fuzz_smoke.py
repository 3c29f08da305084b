"""The property-based fuzzer (scripts/fuzz: hypothesis-graphql, in its own virtualenv, over
HTTP against a live server with DEBUG off) finds nothing in a small run: no HTTP 5xx, no
internal text, refused mutations change nothing. The full run is `scripts/fuzz` (2,000 of
each, per caller)."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = os.environ.get("FUZZ_SMOKE_EXAMPLES", "50")


def test_a_small_fuzz_run_finds_nothing(tmp_path):
    base = urlsplit(os.environ.get("SERVICES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/saleor_services"))
    database = urlunsplit(base._replace(path=base.path + "_fuzz_smoke"))
    report = tmp_path / "failures.json"
    completed = subprocess.run(
        ["scripts/fuzz", EXAMPLES, EXAMPLES, "--", "--report", str(report)],
        cwd=ROOT,
        env=os.environ
        | {
            "SERVICES_VENV": sys.prefix,
            "SERVICES_FUZZ_DATABASE_URL": database,
            "FUZZ_SEED": "0",
            "FUZZ_CUSTOMERS": "3",  # a small store: the smoke run stays well within CI's time
        },
        capture_output=True, text=True, timeout=900, check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output[-6000:]
    for caller in ("customer", "staff"):
        assert f"fuzz: {EXAMPLES} query documents as {caller}, 0 failing" in output, output[-3000:]
        assert f"fuzz: {EXAMPLES} mutation documents as {caller}" in output, output[-3000:]
    assert report.read_text().strip() == "[]"
