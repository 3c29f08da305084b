"""`scripts/bench --peers`: our daily run beside django-plans' and django-silver's on the
same renewal day, at the same sizes, on the same PostgreSQL, each in a database of its own.

Each peer is installed by name from PyPI into its own virtualenv under bench/peers/.venvs/
(git ignores it; nothing of the peers' code is kept in this repository): django-plans on
Python 3.12 with its current Django, django-silver 0.11.1 (its last release) with the
Django it supports (3.2), which does not run on Python 3.12, so on 3.10 (or 3.9/3.8).
Each side builds its dataset once per size (its own driver: ours.py, plans_day.py,
silver_day.py) and is then run in rounds, the three in turn (the order rotates each
round), each run a fresh process timed around the day's work only, rolled back after its
constraint checks. The figures go between the peers markers in bench/RESULTS.md.
"""

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENVS = HERE / ".venvs"
PEERS = {
    "django-plans": {
        "pythons": ["3.12", "3.13", "3.11"],
        "requirements": ["django-plans==2.8.2", "Django>=5.2,<5.3", "psycopg[binary]>=3.2,<3.3"],
        "driver": "plans_day.py",
    },
    "django-silver": {
        # Django 3.2 (silver 0.11.1's newest) supports Python 3.6–3.10 only.
        "pythons": ["3.10", "3.9", "3.8"],
        "requirements": ["django-silver==0.11.1", "Django>=3.2,<3.3", "psycopg2-binary>=2.9,<2.10"],
        "driver": "silver_day.py",
    },
}
START, END = "<!-- peers: written by scripts/bench --peers -->", "<!-- /peers -->"


def find_python(versions: list[str]) -> str:
    for version in versions:
        found = shutil.which(f"python{version}")
        candidates = [found] if found else []
        pyenv_root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
        candidates += sorted(glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python"), reverse=True)
        for candidate in candidates:
            if candidate and subprocess.run([candidate, "-c", "import venv"], capture_output=True).returncode == 0:
                return candidate
    sys.exit(f"No Python {' or '.join(versions)} found (on PATH as pythonX.Y or under pyenv); install one.")


def install(name: str) -> str:
    """The peer's virtualenv python, made and filled from PyPI if missing."""
    peer, venv = PEERS[name], VENVS / name.split("-")[-1]
    python = venv / "bin" / "python"
    stamp = venv / ".installed"
    wanted = "\n".join(peer["requirements"])
    if not stamp.exists() or stamp.read_text() != wanted:
        shutil.rmtree(venv, ignore_errors=True)
        print(f"installing {name} into {venv}", flush=True)
        subprocess.run([find_python(peer["pythons"]), "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *peer["requirements"]], check=True)
        stamp.write_text(wanted)
    return str(python)


def database(base_url: str, name: str) -> str:
    base = urlsplit(base_url)
    admin = urlunsplit(base._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(base._replace(path=f"/{name}"))


def command(side: str, python: str, url: str, size: int, action: str) -> list[str]:
    if side == "saleor-services":
        return [python, "-m", "bench.peers.ours", url, str(size), action]
    return [python, str(HERE / PEERS[side]["driver"]), url, str(size), action]


def run_json(argv: list[str]) -> dict:
    completed = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def compare(
    sizes: list[int], rounds: list[int], base_url: str, sides: list[str], *, limits: dict, results_path: Path
) -> list[str]:
    pythons = {"saleor-services": sys.executable} | {name: install(name) for name in sides if name in PEERS}
    sides = ["saleor-services", *[s for s in sides if s in PEERS]]
    base = urlsplit(base_url).path.lstrip("/")
    log, results = [], {}
    for size, size_rounds in zip(sizes, rounds, strict=True):
        urls = {side: database(base_url, f"{base}_peer_{side.split('-')[-1]}_{size}") for side in sides}
        for side in sides:
            print(f"building {side} at {size:,}: {run_json(command(side, pythons[side], urls[side], size, 'build'))}",
                  flush=True)
        for round_ in range(size_rounds):
            order = sides[round_ % len(sides):] + sides[:round_ % len(sides)]
            for side in order:
                if round_ >= limits.get((side, size), size_rounds):
                    continue
                result = run_json(command(side, pythons[side], urls[side], size, "run"))
                results.setdefault((size, side), []).append(result)
                log.append(f"{datetime.now(UTC):%H:%M:%S} {size:>7,} {side:<16} {result['seconds']:8.2f} s "
                           f"(cpu {result['cpu_seconds']:.2f} s) load {load()}")
                print(log[-1], flush=True)
        # Written after each size, so a long peer at a larger size loses nothing measured.
        write(results_path, report([s for s in sizes if (s, sides[0]) in results], sides, results, log))
    return report(sizes, sides, results, log)


def _spread(values: list[float]) -> str:
    return f"{min(values):,.2f} / {statistics.median(values):,.2f} / {max(values):,.2f}"


def report(sizes, sides, results, log) -> list[str]:
    lines = [
        START,
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `scripts/bench --peers` "
        "(interleaved rounds, the number per size below; seconds, min / median / max; "
        "CPU = the process's own time, median; ratio = the peer's median over ours).",
        "",
        "| size | system | runs | wall s | CPU s | queries | what the run wrote | ratio (wall) | ratio (CPU) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        ours = results[size, "saleor-services"]
        ours_wall = statistics.median(r["seconds"] for r in ours)
        ours_cpu = statistics.median(r["cpu_seconds"] for r in ours)
        for side in sides:
            rows = results[size, side]
            wall = statistics.median(r["seconds"] for r in rows)
            cpu = statistics.median(r["cpu_seconds"] for r in rows)
            work = ", ".join(f"{key} {value:,}" for key, value in rows[-1]["work"].items() if value)
            ratio = "1" if side == "saleor-services" else f"{wall / ours_wall:,.0f}×"
            cpu_ratio = "1" if side == "saleor-services" else f"{cpu / ours_cpu:,.0f}×"
            lines.append(
                f"| {size:,} | {side} | {len(rows)} | {_spread([r['seconds'] for r in rows])} | {cpu:,.2f} | "
                f"{max(r['queries'] for r in rows):,} | {work} | {ratio} | {cpu_ratio} |"
            )
    lines += ["", "Runs in the order they ran (1-, 5-, 15-minute load averages after each):", "", "```", *log, "```",
              END]
    return lines


def write(results_path: Path, lines: list[str]) -> None:
    text = results_path.read_text() if results_path.exists() else ""
    block = "\n".join(lines)
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    results_path.write_text(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--rounds", default="3", help="rounds per size: one number, or one per size (3,2)")
    parser.add_argument("--peers", default="django-plans,django-silver")
    parser.add_argument(
        "--limit", action="append", default=[], metavar="PEER@SIZE=RUNS",
        help="fewer runs for one peer at one size (django-silver@100000=1: it takes many minutes a run)",
    )
    parser.add_argument("--results", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args()
    base_url = os.environ.get("SERVICES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/saleor_services_bench")
    sizes = [int(s) for s in args.sizes.split(",")]
    rounds = [int(r) for r in args.rounds.split(",")]
    rounds = rounds * len(sizes) if len(rounds) == 1 else rounds
    limits = {}
    for limit in args.limit:
        where, runs = limit.split("=")
        peer, size = where.split("@")
        limits[peer, int(size)] = int(runs)
    lines = compare(sizes, rounds, base_url, args.peers.split(","), limits=limits, results_path=Path(args.results))
    write(Path(args.results), lines)
    print(f"written to {args.results}")


if __name__ == "__main__":
    main()
