"""Hatchling build hook: the wheel carries the built Dashboard extension.

``saleor_services/dashboard/static/`` is the output of ``npm run build`` in
``dashboard-extension/`` and is not kept in Git. When a wheel is built and that output is
missing (a plain clone, or the unpacked sdist), this hook builds it: ``npm ci`` when
``node_modules/`` is missing, then ``npm run build``. It needs Node.js (at least the version in
``dashboard-extension/package.json``'s ``engines.node``) and npm on PATH, and stops with a
message naming what is missing otherwise. A build that is already there is used as it is.

Editable installs (``pip install -e .``) skip the build: they serve the files from the work
tree, which scripts/test and scripts/demo build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

FRONTEND_DIR = "dashboard-extension"
STATIC_DIR = "saleor_services/dashboard/static"
# Used when package.json cannot be read; keep equal to its engines.node.
DEFAULT_MIN_NODE = (20, 19)


class FrontendBuildError(RuntimeError):
    """The Dashboard front end is not built and cannot be built here."""


def _parse_version(text: str) -> tuple[int, ...]:
    match = re.search(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if not match:
        raise ValueError(f"not a version: {text!r}")
    return tuple(int(part or 0) for part in match.groups())


def _format(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


def min_node_version(root: Path) -> tuple[int, ...]:
    """The lowest Node.js the front end supports: package.json's ``engines.node`` (``>=X.Y``)."""
    try:
        spec = json.loads((root / FRONTEND_DIR / "package.json").read_text())["engines"]["node"]
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_MIN_NODE
    match = re.fullmatch(r"\s*>=\s*v?(\d+(?:\.\d+){0,2})\s*", spec)
    return tuple(int(part) for part in match.group(1).split(".")) if match else DEFAULT_MIN_NODE


def _needs(minimum: tuple[int, ...], problem: str) -> FrontendBuildError:
    return FrontendBuildError(
        f"saleor-services: the Dashboard front end ({STATIC_DIR}/) is not built, and building it "
        f"needs Node.js >= {_format(minimum)} with npm on PATH: {problem}. Install Node.js "
        f">= {_format(minimum)} (it brings npm) and build again, or build it yourself first "
        f"with `npm ci && npm run build` in {FRONTEND_DIR}/."
    )


def check_node(root: Path, path: str | None = None) -> tuple[str, str]:
    """Find node and npm on ``path`` (default: PATH) and check node is new enough.

    Returns the paths of node and npm; raises FrontendBuildError naming what is missing.
    """
    minimum = min_node_version(root)
    search = os.environ.get("PATH", "") if path is None else path
    node = shutil.which("node", path=search)
    if node is None:
        raise _needs(minimum, "node was not found on PATH")
    try:
        output = subprocess.run(
            [node, "--version"], capture_output=True, text=True, check=True, timeout=60
        ).stdout.strip()
        found = _parse_version(output)
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        raise _needs(minimum, f"`{node} --version` failed ({error})") from error
    if found < minimum:
        raise _needs(minimum, f"{node} is Node.js {output}, which is too old")
    npm = shutil.which("npm", path=search)
    if npm is None:
        raise _needs(minimum, f"npm was not found on PATH (node is {node}, {output})")
    return node, npm


def build_frontend(root: Path, log=print) -> None:
    """Build ``dashboard-extension/`` into ``saleor_services/dashboard/static/``."""
    app = root / FRONTEND_DIR
    if not (app / "package.json").is_file():
        raise FrontendBuildError(
            f"saleor-services: the Dashboard front end ({STATIC_DIR}/) is not built, and its "
            f"source ({FRONTEND_DIR}/package.json) is not here to build it from. Build the wheel "
            "from a clone of the repository or from the sdist."
        )
    node, npm = check_node(root)
    env = dict(os.environ)
    # npm runs its scripts with this node; put it first on PATH for the scripts too.
    env["PATH"] = os.pathsep.join([str(Path(node).parent), env.get("PATH", "")])
    steps = []
    if not (app / "node_modules").is_dir():
        steps.append([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"])
    steps.append([npm, "run", "build"])
    try:
        sys.stderr.fileno()
        stream = sys.stderr
    except (AttributeError, OSError, ValueError):
        stream = None
    for command in steps:
        log(f"saleor-services: running `{' '.join(command[1:])}` in {FRONTEND_DIR}/")
        # npm's output goes to stderr: the build frontend shows it, and stdout stays clean.
        result = subprocess.run(command, cwd=app, env=env, stdout=stream, stderr=stream)
        if result.returncode != 0:
            raise FrontendBuildError(
                f"saleor-services: `npm {' '.join(command[1:])}` in {FRONTEND_DIR}/ failed "
                f"(exit code {result.returncode}); its output is above."
            )
    if not (root / STATIC_DIR / "index.html").is_file():
        raise FrontendBuildError(
            f"saleor-services: `npm run build` in {FRONTEND_DIR}/ finished but wrote no "
            f"{STATIC_DIR}/index.html."
        )


class CustomBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        if (root / STATIC_DIR / "index.html").is_file():
            self.app.display_info(f"saleor-services: using the Dashboard build in {STATIC_DIR}/")
        else:
            self.app.display_info(
                f"saleor-services: {STATIC_DIR}/index.html is missing; building the Dashboard "
                f"front end from {FRONTEND_DIR}/"
            )
            try:
                build_frontend(root, log=self.app.display_info)
            except FrontendBuildError as error:
                self.app.display_error(str(error))
                raise
        # Git ignores the build output; ship it all the same.
        build_data["artifacts"].append(f"/{STATIC_DIR}/**")
