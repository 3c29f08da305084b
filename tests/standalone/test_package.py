"""The wheel a store operator installs carries the plugin entry point and the migration."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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
    assert "saleor_services = saleor_services.saleor.plugin:ServicesPlugin" in text
    assert "saleor_services/migrations/0001_initial.py" in names
    # The built Dashboard extension ships inside the wheel: installing needs no Node.
    assert "saleor_services/dashboard/static/index.html" in names
    assert any(name.startswith("saleor_services/dashboard/static/assets/") and name.endswith(".js") for name in names)
    assert "saleor_services/templates/saleor_services/emails/renewal_created.txt" in names
    assert not any(name.startswith(("standalone/", "tests/")) for name in names)


def test_installed_entry_point_points_at_the_plugin_class():
    from importlib.metadata import entry_points

    [entry] = [e for e in entry_points(group="saleor.plugins") if e.name == "saleor_services"]
    assert entry.value == "saleor_services.saleor.plugin:ServicesPlugin"
