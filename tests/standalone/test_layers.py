"""The dependency rule, read from the package's imports.

- only `saleor_services.saleor` imports Saleor;
- the API layer (`saleor_services.graphql`) never imports the Saleor adapter;
- the domain imports neither the API layer, GraphQL libraries nor the adapter;
- the product never imports the standalone host or the tests;
- nothing asks Django which platform it runs in: the registered host answers.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "saleor_services"
# Layers that are not the domain: the API, the Saleor adapter, the Dashboard files'
# HTTP serving and the management commands.
NOT_DOMAIN = ("graphql", "saleor", "dashboard", "management", "migrations")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(name: str, source: str, *, is_package: bool) -> list[str]:
    """Absolute names of every module `source` imports (relative imports resolved)."""
    package = name if is_package else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module
            found.append(prefix)
            found.extend(f"{prefix}.{alias.name}" for alias in node.names)
    return found


def asks_which_platform(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "is_installed":
                return True
        if isinstance(node, ast.Name) and node.id == "IN_SALEOR":
            return True
    return False


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violations(name: str, source: str, *, is_package: bool = False) -> list[str]:
    found = []
    layer = name.split(".")[1] if name.count(".") else ""
    for target in imported_modules(name, source, is_package=is_package):
        if _within(target, "saleor") and layer != "saleor":
            found.append(f"{name} imports Saleor ({target}); only saleor_services.saleor may")
        if layer == "graphql" and _within(target, "saleor_services.saleor"):
            found.append(f"{name} (API) imports the Saleor adapter ({target})")
        if layer not in NOT_DOMAIN and (
            _within(target, "saleor_services.graphql")
            or _within(target, "saleor_services.saleor")
            or _within(target, "graphene")
            or _within(target, "graphql")
        ):
            found.append(f"{name} (domain) imports {target}")
        if _within(target, "standalone") or _within(target, "tests"):
            found.append(f"{name} imports the test host ({target})")
    if asks_which_platform(source):
        found.append(f"{name} asks which platform it runs in")
    return found


def test_the_package_keeps_its_layers():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += violations(
            module_name(path), path.read_text(), is_package=path.name == "__init__.py"
        )
    assert found == []


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("saleor_services.lifecycle.engine", "from saleor.order.models import Order"),
        ("saleor_services.graphql.types.service", "from ...saleor.graphql_fields import order_field"),
        ("saleor_services.billing.renewals", "from ..graphql.types import Service"),
        ("saleor_services.automation", "import graphene"),
        ("saleor_services.graphql.queries", "from standalone.host import StandaloneHost"),
        ("saleor_services.tasks", "from django.apps import apps\napps.is_installed('saleor.core')"),
    ],
)
def test_each_rule_catches_its_violation(name, source):
    assert violations(name, source)


def test_allowed_arrows_pass():
    assert violations(
        "saleor_services.saleor.host",
        "from saleor.core.exceptions import PermissionDenied\nfrom ..host import Requestor",
    ) == []
    assert violations("saleor_services.graphql.auth", "from ..host import get_host\nimport graphene") == []
    assert violations("saleor_services.billing.renewals", "from ..lifecycle import lock_service") == []
