"""The arrows of ARCHITECTURE.md, checked on every module's imports (ast, so nothing is
imported to check it), and the size of modules."""

from __future__ import annotations

import ast
import os
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("domain", "rest", "realtime", "sync", "push", "bus", "infra")
SKIPPED_DIRS = {".venv", ".git", "node_modules", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache",
                ".hypothesis", ".fieldsync"}

# top-level package -> top-level names it must never import
FORBIDDEN = {
    "domain": {"aiohttp", "socketio", "engineio", "aiokafka", "redis", "firebase_admin",
               "rest", "realtime", "sync", "push", "bus", "infra", "app"},
    "rest": {"realtime", "app"},
    "realtime": {"rest", "app"},
}
# Only the composition root itself, the tests and the benchmarks (which build the real app) may import app/.
MAY_IMPORT_APP = {"app", "tests", "benchmarks"}

SIZE_WARN, SIZE_FAIL = 400, 500


def python_files(top: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [name for name in dirs if name not in SKIPPED_DIRS]  # prune, never descend into .venv
        found += [Path(folder) / name for name in files if name.endswith(".py")]
    return sorted(found)


def imported_tops(source: str) -> dict[str, int]:
    """Top-level package of every absolute import in `source` -> first line importing it.
    Relative imports stay inside their own top-level package, so they cannot cross an arrow."""
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            found.setdefault(name.split(".", 1)[0], node.lineno)
    return found


def violations(forbidden: set[str], files: list[Path]) -> list[str]:
    problems = []
    for path in files:
        for name, line in imported_tops(path.read_text()).items():
            if name in forbidden:
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return problems


def test_the_layers_exist() -> None:
    for layer in LAYERS:
        assert (ROOT / layer / "__init__.py").exists(), f"{layer}/ is not a package"


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_follow_the_arrows(layer: str) -> None:
    problems = violations(FORBIDDEN[layer], python_files(ROOT / layer))
    assert problems == [], "\n".join(problems)


def test_nothing_but_tests_imports_the_composition_root() -> None:
    files = [path for path in python_files(ROOT) if path.relative_to(ROOT).parts[0] not in MAY_IMPORT_APP]
    assert any(path.relative_to(ROOT).parts[0] == "domain" for path in files)
    problems = violations({"app"}, files)
    assert problems == [], "\n".join(problems)


def test_the_import_walker_sees_every_kind_of_import() -> None:
    source = (
        "import aiohttp.web\n"
        "from redis import asyncio as aioredis\n"
        "from . import sibling\n"
        "from .models import User\n"
        "def later():\n"
        "    import socketio\n"
        "if TYPE_CHECKING:\n"
        "    from app.settings import Settings\n"
    )
    assert set(imported_tops(source)) == {"aiohttp", "redis", "socketio", "app"}


def test_modules_stay_small() -> None:
    sizes = {
        path.relative_to(ROOT): len(path.read_text().splitlines())
        for path in python_files(ROOT)
        if "migrations" not in path.relative_to(ROOT).parts
    }
    large = {str(path): lines for path, lines in sizes.items() if lines > SIZE_WARN}
    if large:
        warnings.warn(f"modules over {SIZE_WARN} lines (split before {SIZE_FAIL}): {large}", stacklevel=1)
    too_large = {path: lines for path, lines in large.items() if lines > SIZE_FAIL}
    assert too_large == {}, f"modules over {SIZE_FAIL} lines: split them"
