"""The release ships whole: what a store operator installs carries the product, and only it.

A plain clone has no built Dashboard extension (it is a git-ignored build output); building
the wheel builds it (hatch_build.py) or stops with a message naming what is missing.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINT_NAME = "saleor_services.saleor.apps.SaleorServicesConfig"
ENTRY_POINT_VALUE = "saleor_services.saleor.plugin:ServicesPlugin"
STATIC = "saleor_services/dashboard/static"
TEMPLATES = [
    f"saleor_services/templates/saleor_services/emails/renewal_created/{part}"
    for part in ("subject.txt", "body.txt", "body.html")
]
# The e-mails' translations ship compiled: Django reads the .mo, never the .po.
CATALOGUES = [f"saleor_services/locale/{language}/LC_MESSAGES/django.mo" for language in ("en", "fr", "de")]
NOT_PRODUCT = ("standalone/", "tests/", "bench/", "dashboard-extension/")


def _run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} failed ({result.returncode})\n"
        f"--- stdout\n{result.stdout[-6000:]}\n--- stderr\n{result.stderr[-6000:]}"
    )
    return result


def _clone_like_copy(destination: Path) -> Path:
    """The repository as a clone of the work tree would have it: the files Git tracks or
    would track (tracked and untracked-but-not-ignored, as they are in the work tree, so
    uncommitted edits count), without node_modules/ or the built static files."""
    listed = _run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT
    ).stdout
    destination.mkdir()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if not source.is_file():  # deleted in the work tree, not yet committed
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    assert (destination / "hatch_build.py").is_file()
    assert not (destination / "dashboard-extension" / "node_modules").exists()
    assert not (destination / STATIC).exists()
    return destination


def test_wheel_carries_the_entry_point(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    [wheel] = tmp_path.glob("saleor_services-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        text = archive.read(entry_points).decode()
    assert "[saleor.plugins]" in text
    assert f"{ENTRY_POINT_NAME} = {ENTRY_POINT_VALUE}" in text
    assert "saleor_services/migrations/0001_initial.py" in names
    # The built Dashboard extension ships inside the wheel: installing needs no Node.
    assert f"{STATIC}/index.html" in names
    assert any(n.startswith(f"{STATIC}/assets/") and n.endswith(".js") for n in names)
    assert set(TEMPLATES) <= set(names)
    assert set(CATALOGUES) <= set(names)
    assert "saleor_services/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(NOT_PRODUCT) for n in names)
    assert all(
        n.startswith(("saleor_services/", "saleor_services-")) for n in names
    ), [n for n in names if not n.startswith("saleor_services")]


def test_installed_entry_point_points_at_the_plugin_class():
    from importlib.metadata import entry_points

    [entry] = [e for e in entry_points(group="saleor.plugins") if e.name == ENTRY_POINT_NAME]
    assert entry.value == ENTRY_POINT_VALUE
    assert not [e for e in entry_points(group="saleor.plugins") if e.name == "saleor_services"]


# Run by the fresh virtualenv's python, isolated (-I: no cwd, no user site) and without
# importing Django (not installed there: the wheel went in with --no-deps).
_INSTALLED_CHECK = textwrap.dedent(
    """
    import importlib.metadata as metadata
    import importlib.resources as resources
    import importlib.util
    import json
    import re
    import sys

    package = resources.files("saleor_services")
    static = package / "dashboard" / "static"
    index = (static / "index.html").read_text()
    scripts = re.findall(r'src="\\./(assets/[^"]+\\.js)"', index)
    distribution = metadata.distribution("saleor-services")
    print(json.dumps({
        "index_scripts": scripts,
        "index_scripts_present": [(static / s).is_file() for s in scripts],
        "assets_js": sorted(p.name for p in (static / "assets").iterdir() if p.name.endswith(".js")),
        "templates": sorted(
            p.name for p in (package / "templates" / "saleor_services" / "emails" / "renewal_created").iterdir()
        ),
        "catalogues": sorted(
            p.name for p in (package / "locale").iterdir()
            if (p / "LC_MESSAGES" / "django.mo").is_file()
        ),
        "migrations": sorted(p.name for p in (package / "migrations").iterdir() if p.name.endswith(".py")),
        "py_typed": (package / "py.typed").is_file(),
        "entry_points": [
            [e.name, e.value] for e in metadata.entry_points(group="saleor.plugins")
        ],
        "top_level": {
            name: importlib.util.find_spec(name) is not None
            for name in ("saleor_services", "standalone", "tests", "bench")
        },
        "files": sorted(str(f) for f in distribution.files),
        "classifiers": distribution.metadata.get_all("Classifier"),
        "license": distribution.metadata.get("License-Expression"),
        "django_imported": "django" in sys.modules,
    }))
    """
)


def test_a_plain_clone_builds_an_sdist_and_a_wheel_that_installs_whole(tmp_path):
    clone = _clone_like_copy(tmp_path / "clone")
    dist = tmp_path / "dist"
    # sdist first, then the wheel from the unpacked sdist (npm ci and npm run build inside).
    _run([sys.executable, "-m", "build", "--outdir", str(dist), str(clone)], timeout=900)
    [sdist] = dist.glob("saleor_services-*.tar.gz")
    [wheel] = dist.glob("saleor_services-*.whl")

    with tarfile.open(sdist) as archive:
        prefix, _, _ = archive.getnames()[0].partition("/")
        sdist_names = {name.partition("/")[2] for name in archive.getnames()}
    for needed in (
        "pyproject.toml",
        "hatch_build.py",
        "LICENSE",
        "CHANGELOG.md",
        "README.md",
        "dashboard-extension/package.json",
        "dashboard-extension/package-lock.json",
        "dashboard-extension/vite.config.ts",
        "saleor_services/migrations/0001_initial.py",
    ):
        assert needed in sdist_names, f"{needed} missing from {prefix}.tar.gz"
    assert not any("node_modules" in name for name in sdist_names)
    assert not any(name.startswith(f"{STATIC}/") for name in sdist_names)
    assert not any(name.startswith(("standalone/", "tests/", "bench/")) for name in sdist_names)

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    _run([python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)])
    report = json.loads(
        _run([python, "-I", "-c", _INSTALLED_CHECK], cwd=tmp_path).stdout.strip().splitlines()[-1]
    )

    assert report["index_scripts"], "index.html loads no script"
    assert all(report["index_scripts_present"]), report["index_scripts"]
    assert report["assets_js"]
    assert report["templates"] == ["body.html", "body.txt", "subject.txt"]
    assert report["catalogues"] == ["de", "en", "fr"]
    assert {"__init__.py", "0001_initial.py"} <= set(report["migrations"])
    assert report["py_typed"]
    assert report["entry_points"] == [[ENTRY_POINT_NAME, ENTRY_POINT_VALUE]]
    assert report["top_level"] == {
        "saleor_services": True,
        "standalone": False,
        "tests": False,
        "bench": False,
    }
    outside = [
        f
        for f in report["files"]
        if not f.startswith(("saleor_services/", "saleor_services-0"))
        and "__pycache__" not in f
    ]
    assert not outside, outside
    assert any(f.endswith(".dist-info/licenses/LICENSE") for f in report["files"])
    assert "Typing :: Typed" in report["classifiers"]
    assert report["license"] == "BSD-3-Clause"
    assert not report["django_imported"]


def _build_wheel_with_path(clone: Path, path: str):
    env = {key: value for key, value in os.environ.items() if key != "PATH"}
    env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(clone / "dist"), str(clone)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_building_the_wheel_without_node_says_what_is_needed(tmp_path):
    clone = _clone_like_copy(tmp_path / "clone")
    # Python's own directory only: no node, no npm.
    path = str(Path(sys.executable).parent)
    assert shutil.which("node", path=path) is None
    result = _build_wheel_with_path(clone, path)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "needs Node.js >= 20.19 with npm on PATH: node was not found on PATH" in output, output
    assert "npm ci && npm run build" in output
    assert not list((clone / "dist").glob("*.whl"))


def test_building_the_wheel_with_an_old_node_says_what_is_needed(tmp_path):
    clone = _clone_like_copy(tmp_path / "clone")
    old_node = tmp_path / "old-node"
    old_node.mkdir()
    for tool, text in (("node", "v18.19.0"), ("npm", "9.2.0")):
        (old_node / tool).write_text(f"#!/bin/sh\necho {text}\n")
        (old_node / tool).chmod(0o755)
    result = _build_wheel_with_path(clone, f"{old_node}{os.pathsep}{Path(sys.executable).parent}")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "needs Node.js >= 20.19 with npm on PATH" in output, output
    assert "is Node.js v18.19.0, which is too old" in output, output
    assert not list((clone / "dist").glob("*.whl"))


def test_the_node_minimum_is_the_one_package_json_declares():
    package = json.loads((ROOT / "dashboard-extension" / "package.json").read_text())
    assert package["engines"]["node"] == ">=20.19"
    text = (ROOT / "hatch_build.py").read_text()
    assert "DEFAULT_MIN_NODE = (20, 19)" in text
