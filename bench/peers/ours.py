"""Our side of the peer comparison, run like the peers' drivers (bench/peers/compare.py).

Usage: python -m bench.peers.ours DATABASE_URL SIZE build|run [--repeat N]

`build` grows the bench dataset (bench/dataset.py) in its own database to SIZE services;
`run` times the whole daily run for the bench day (3,000 renewals and reminders, 300
suspensions and the smaller steps: 6,600 changes), rolled back after its constraint
checks, as bench/run.py does. Prints one JSON line per repeat.
"""

import json
import os
import sys

DATABASE_URL, SIZE, ACTION = sys.argv[1], int(sys.argv[2]), sys.argv[3]
REPEAT = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1
os.environ["SERVICES_DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "standalone.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from bench import dataset  # noqa: E402
from bench.measure import timed  # noqa: E402
from saleor_services import automation  # noqa: E402
from saleor_services.models import Service  # noqa: E402

if __name__ == "__main__":
    if ACTION == "build":
        call_command("migrate", verbosity=0)
        dataset.grow_to(SIZE)
        dataset.settle()
        print(json.dumps({"built": Service.objects.count()}))
    else:
        for _ in range(REPEAT):
            work = {}
            figure = timed("whole daily run",
                           lambda work=work: work.update(automation.run_daily_automation(dataset.BENCH_DAY)),
                           repeat=1, rollback=True)
            assert {k: v for k, v in work.items() if k in dataset.DAY_WORK} == dataset.DAY_WORK, work
            print(json.dumps({"peer": "saleor-services", "size": SIZE, "seconds": figure.seconds[0],
                              "cpu_seconds": figure.cpu_seconds[0], "queries": figure.queries, "work": work}),
                  flush=True)
