"""The dependency locks (requirements/*.lock, made by `./dev lock`) stay fresh: a change to
pyproject.toml's dependencies or to a requirements/*.in without regenerating them fails here,
offline. The audit's verdict (scripts/audit.py) fails on fixable vulnerabilities only."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lock.py"), "--check", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "requirements", tmp_path / "requirements")
    return tmp_path


def test_the_committed_locks_are_fresh() -> None:
    result = check(ROOT)
    assert result.returncode == 0, result.stderr


def test_every_lock_pins_with_hashes_and_the_profiles_agree() -> None:
    lock = script("lock")
    pins = {}
    for name in [*lock.PROFILES, *lock.STANDALONE]:
        text = (ROOT / "requirements" / f"{name}.lock").read_text()
        requirements = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
        assert requirements and all("==" in line and line.endswith("\\") for line in requirements), name
        pins[name] = lock.locked_pins(text)
    for name in ("test", "load"):  # one resolution: installing a profile after another moves nothing
        assert pins["runtime"].items() <= pins[name].items()
        shared = pins["test"].keys() & pins["load"].keys()
        assert {p: pins["test"][p] for p in shared} == {p: pins["load"][p] for p in shared}
    assert "pytest" not in pins["runtime"] and "locust" not in pins["runtime"]  # the test extra runs the locustfile


def test_a_dependency_change_without_a_new_lock_fails(copy: Path) -> None:
    pyproject = copy / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"structlog==26.1.0",', '"structlog==26.1.0",\n    "httpx",'))
    result = check(copy)
    assert result.returncode == 1
    assert "requirements/runtime.lock is stale: pyproject.toml changed" in result.stderr


def test_a_tool_change_without_a_new_lock_fails(copy: Path) -> None:
    tools = copy / "requirements" / "tools.in"
    tools.write_text(tools.read_text() + "ruff==0.17.5\n")
    result = check(copy)
    assert result.returncode == 1 and "requirements/tools.lock is stale" in result.stderr


def test_a_hand_edited_pin_fails(copy: Path) -> None:
    runtime = copy / "requirements" / "runtime.lock"
    runtime.write_text(runtime.read_text().replace("aiohttp==3.14.5", "aiohttp==3.14.4"))
    result = check(copy)
    assert result.returncode == 1
    assert "requirements/runtime.lock pins aiohttp 3.14.4, the requirements say 3.14.5" in result.stderr


# --- the audit's verdict on pip-audit's report ----------------------------------------------


def vuln(vid: str, fixes: list[str], aliases: tuple[str, ...] = ()) -> dict[str, object]:
    return {"id": vid, "fix_versions": fixes, "aliases": list(aliases), "description": "..."}


def test_a_fixable_vulnerability_fails_and_an_unfixed_one_is_reported() -> None:
    audit = script("audit")
    data = {
        "dependencies": [
            {"name": "aiohttp", "version": "3.14.5", "vulns": [vuln("PYSEC-1", ["3.14.6"])]},
            {"name": "pillow", "version": "13.0.0", "vulns": [vuln("GHSA-x", [])]},
            {"name": "orjson", "version": "3.13.0", "vulns": []},
        ]
    }
    status, lines = audit.verdict(audit.read_report(data, set()))
    assert status == 1
    assert "VULNERABLE aiohttp 3.14.5: PYSEC-1 (fixed in 3.14.6)" in lines
    assert "known, not failing: pillow 13.0.0: GHSA-x (fixed in none yet)" in lines


def test_an_accepted_vulnerability_does_not_fail(tmp_path: Path) -> None:
    audit = script("audit")
    (tmp_path / "ignore.txt").write_text("# id  reason\nCVE-2099-1  not reachable: we never parse multipart\n")
    data = {
        "dependencies": [
            {"name": "aiohttp", "version": "3.14.5", "vulns": [vuln("PYSEC-1", ["3.14.6"], aliases=("CVE-2099-1",))]}
        ]
    }
    status, lines = audit.verdict(audit.read_report(data, audit.accepted_ids(tmp_path / "ignore.txt")))
    assert status == 0 and any("[accepted]" in line for line in lines)


def test_an_unanswering_service_is_reported_and_does_not_fail() -> None:
    audit = script("audit")
    data = {"dependencies": [{"name": "aiohttp", "skip_reason": "Dependency not found on PyPI"}]}
    status, lines = audit.verdict(audit.read_report(data, set()))
    assert status == 0 and lines[0].startswith("audit not done")
