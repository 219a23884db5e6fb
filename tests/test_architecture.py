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
SKIPPED_DIRS = {".venv", ".venv-tools", ".git", "node_modules", "build", "dist", "__pycache__", ".mypy_cache",
                ".ruff_cache", ".hypothesis", ".fieldsync"}

# top-level package -> top-level names it must never import (ARCHITECTURE.md, "The layers and
# the arrows"). Adapters talk to the domain, never to each other's insides; the ORM is the
# domain's, not the HTTP or socket adapters'.
FORBIDDEN = {
    "domain": {"aiohttp", "socketio", "engineio", "aiokafka", "redis", "firebase_admin",
               "rest", "realtime", "sync", "push", "bus", "infra", "app"},
    "rest": {"realtime", "app", "bus", "push", "tortoise", "socketio", "aiokafka"},
    "realtime": {"rest", "app", "sync", "push", "bus", "tortoise", "aiokafka"},
    "sync": {"rest", "realtime", "app", "push", "bus", "socketio", "aiokafka"},
    "push": {"rest", "realtime", "app", "sync", "socketio"},
    "bus": {"rest", "realtime", "app", "sync", "push", "socketio"},
    "infra": {"rest", "realtime", "app", "sync", "push", "bus", "aiohttp", "socketio"},
}
PROJECT = {"app", "domain", "rest", "realtime", "sync", "push", "bus", "infra"}
# Packages where a function-local import of a project module is refused (it hides a cycle),
# and the few allowed ones with their reason.
NO_LOCAL_IMPORTS = ("app", "bus", "domain", "realtime", "sync", "push")
LOCAL_IMPORTS_ALLOWED = {
    ("app/push_wiring.py", "push.fcm"): "firebase-admin is heavy and only FCM deployments load it",
    ("app/finance_wiring.py", "infra.stripe_gateway"): "the stripe SDK is heavy and only Stripe deployments load it",
    # The CLI imports the whole app only for the commands that need it: the others, and a refusal
    # of invalid settings, start in a third of the time (app/cli.py).
    ("app/cli.py", "app.bootstrap"): "only serve and demo run the server",
    ("app/cli.py", "app.seed"): "only seed-demo and demo seed",
    ("app/cli.py", "app.seed_load"): "only seed-load seeds load-test accounts",
    ("app/cli_check.py", "app.service_checks"): "the service clients, for check-config only",
    ("app/cli_migrate.py", "app.migrate"): "aerich and the migrations, for migrate only",
    ("app/cli_migrate.py", "app.db_roles"): "the role statements, for migrate and db-roles only",
    ("app/contracts.py", "rest.app"): "the routes, for the openapi export only",
    ("app/contracts.py", "rest.openapi"): "the OpenAPI builder, for the openapi export only",
    ("app/contracts.py", "app.asyncapi"): "the event catalogue, for the asyncapi export only",
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


def local_project_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of every import of a project module inside a function body."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                names: list[str] = []
                if isinstance(inner, ast.Import):
                    names = [alias.name for alias in inner.names]
                elif isinstance(inner, ast.ImportFrom) and inner.level == 0 and inner.module:
                    names = [inner.module]
                found += [(inner.lineno, name) for name in names if name.split(".", 1)[0] in PROJECT]
    return sorted(set(found))


@pytest.mark.parametrize("package", NO_LOCAL_IMPORTS)
def test_no_function_local_imports_of_project_modules(package: str) -> None:
    problems = []
    for path in python_files(ROOT / package):
        where = str(path.relative_to(ROOT))
        for line, module in local_project_imports(path.read_text()):
            if (where, module) not in LOCAL_IMPORTS_ALLOWED:
                problems.append(f"{where}:{line} imports {module} inside a function (a hidden cycle?)")
    assert problems == [], "\n".join(problems)


def context_graph() -> dict[str, set[str]]:
    """domain/<context> -> the other contexts it imports (shared/ is everyone's and leads nowhere)."""
    graph: dict[str, set[str]] = {}
    for path in python_files(ROOT / "domain"):
        parts = path.relative_to(ROOT / "domain").parts
        if len(parts) < 2:
            continue
        context = parts[0]
        graph.setdefault(context, set())
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and \
                    node.module.startswith("domain."):
                other = node.module.split(".")[1]
                if other not in (context, "shared"):
                    graph[context].add(other)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_bounded_contexts_import_each_other_without_cycles() -> None:
    assert cycles(context_graph()) == [], "contexts that import each other: give the lower one a port"


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
