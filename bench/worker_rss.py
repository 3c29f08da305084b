"""Peak RSS of one process running the whole daily automation (changes rolled back)."""

import os
import resource
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "standalone.settings")
django.setup()

from django.db import transaction  # noqa: E402

from bench.dataset import BENCH_DAY  # noqa: E402
from saleor_services.automation import run_daily_automation  # noqa: E402

before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    with transaction.atomic():
        result = run_daily_automation(BENCH_DAY)
        raise RuntimeError("rollback")
except RuntimeError:
    pass
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sys.stdout.write(f"{before} {peak} {sum(result.values())}\n")
