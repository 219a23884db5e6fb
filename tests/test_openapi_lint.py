"""Issue 16: the OpenAPI document passes Redocly's lint (`recommended`, with its warnings raised
to errors; the policy and the two rules turned off are in redocly.yaml). The document is built
in-process (tests/support/openapi_document.py); @redocly/cli is pinned in tests/js/package.json.
Like the other Node tests it skips without Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.support.openapi_document import write_document

ROOT = Path(__file__).resolve().parent.parent
JS_DIR = ROOT / "tests" / "js"
CONFIG = ROOT / "redocly.yaml"

pytestmark = pytest.mark.timeout(180)


def redocly() -> list[str]:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node is not installed: the Redocly lint needs Node 20")
    if not (JS_DIR / "node_modules" / "@redocly" / "cli").is_dir():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=JS_DIR,
            check=True,
            timeout=300,
            stdout=subprocess.DEVNULL,
        )
    return [str(JS_DIR / "node_modules" / ".bin" / "redocly")]


def lint(document: Path) -> dict[str, list[str]]:
    """Problems by severity, each as `rule-id at pointer: message`."""
    done = subprocess.run(
        [*redocly(), "lint", "--config", str(CONFIG), "--format", "json", str(document)],
        cwd=JS_DIR,
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"redocly lint printed no JSON report (exit {done.returncode}):\n{done.stderr[-3000:]}")
    found: dict[str, list[str]] = {"error": [], "warn": []}
    for problem in report["problems"]:
        where = problem["location"][0]["pointer"] if problem.get("location") else "?"
        found.setdefault(problem["severity"], []).append(f"{problem['ruleId']} at {where}: {problem['message']}")
    return found


def test_the_document_passes_redocly_recommended(tmp_path):
    found = lint(write_document(tmp_path))
    if found["warn"]:  # none with our config; a rule a new @redocly/cli adds would show here
        print("redocly warnings:\n  " + "\n  ".join(found["warn"]))
    by_rule = Counter(line.split(" ", 1)[0] for line in found["error"])
    assert not found["error"], f"{len(found['error'])} errors {dict(by_rule)}:\n  " + "\n  ".join(found["error"])


def test_the_lint_reports_what_it_finds(tmp_path):
    """The lint runs and our config takes effect: a broken document gets errors, including one
    that `recommended` alone only warns about (a tag without a description)."""
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "tags": [{"name": "things"}],
        "paths": {"/things": {"get": {"tags": ["things"], "responses": {"200": {"description": "ok"}}}}},
    }
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document))
    rules = {line.split(" ", 1)[0] for line in lint(path)["error"]}
    assert {"tag-description", "operation-operationId", "operation-4xx-response", "security-defined"} <= rules
    assert "no-empty-servers" not in rules and "info-license" not in rules
