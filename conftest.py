"""Root conftest: chooses the test tier.

The Saleor tier (`tests/saleor`) runs under Saleor's own test settings with Saleor's
fixtures, loaded from the source checkout named by SALEOR_SRC; the standalone tier runs
under the standalone host. A run collects only the tier its settings can serve.
"""

import importlib.util
import os
from pathlib import Path

SETTINGS = os.environ.get("DJANGO_SETTINGS_MODULE", "")


def _saleor_importable() -> bool:
    return importlib.util.find_spec("saleor") is not None


def _load_saleor_conftest():
    source = os.environ.get("SALEOR_SRC")
    if not source:
        raise RuntimeError(
            "The Saleor tier needs SALEOR_SRC, the path of Saleor's source checkout "
            "(its conftest.py lists Saleor's fixtures)."
        )
    spec = importlib.util.spec_from_file_location(
        "saleor_root_conftest", Path(source) / "conftest.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# pytest-django has already read --ds / DJANGO_SETTINGS_MODULE and set Django up.
if SETTINGS.startswith("saleor.") and _saleor_importable():
    _saleor_conftest = _load_saleor_conftest()
    pytest_plugins = _saleor_conftest.pytest_plugins
    if hasattr(_saleor_conftest, "django_db_setup"):
        django_db_setup = _saleor_conftest.django_db_setup
    collect_ignore = ["tests/standalone"]
elif _saleor_importable():
    # Saleor is installed but these are not its settings: its tier cannot run here.
    collect_ignore = ["tests/saleor"]


def pytest_terminal_summary(terminalreporter):
    screenshots = Path(__file__).resolve().parent / "test-artifacts" / "screenshots"
    if screenshots.is_dir() and any(screenshots.iterdir()):
        terminalreporter.write_line(f"Dashboard screenshots: {screenshots}")
