"""Dependency locks: every package pinned with its hashes, one lock per install profile.

    ./dev lock                      regenerate requirements/*.lock (needs the package index)
    python scripts/lock.py --check  offline: exit 1 when pyproject.toml or requirements/*.in
                                    changed since the locks were made, or a lock lost a pin

Profiles (requirements/<profile>.lock): runtime (pyproject's dependencies: the image and
`./dev run`), test (plus the test extra: `./dev test`), load (plus the load extra: `./dev load`).
They are resolved together (one resolution of everything, then each profile constrained to it),
so installing one profile after another in the same virtualenv never moves a version.
Outside the project's own resolution: bootstrap (pip, setuptools and wheel, installed first so
the project builds without fetching anything unpinned) and tools (uv that makes these locks,
pip-audit that audits them), each from its requirements/<name>.in.

Each lock's first line records the sha256 of its inputs, so staleness is found without a
network: the check recomputes it from pyproject.toml and the .in files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILES = {"runtime": [], "test": ["test"], "load": ["load"]}
STANDALONE = ("bootstrap", "tools")  # resolved from requirements/<name>.in
PYTHON_VERSION = "3.11"  # the oldest Python pyproject.toml allows: the universal lock starts there
HEADER = re.compile(r"^# fieldsync lock: (?P<name>[\w-]+) inputs-sha256=(?P<digest>[0-9a-f]{64})$")
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>[^\s;\\]+)")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def inputs_digest(root: Path, name: str) -> str:
    """What a lock is made from. The project profiles share one resolution, so each covers all
    of pyproject's dependency lists; a standalone lock covers its .in file."""
    if name in STANDALONE:
        data: object = (root / "requirements" / f"{name}.in").read_text()
    else:
        project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
        data = {
            "requires-python": project.get("requires-python"),
            "dependencies": project.get("dependencies", []),
            "optional-dependencies": project.get("optional-dependencies", {}),
            "python": PYTHON_VERSION,
        }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def direct_pins(root: Path, name: str) -> dict[str, str]:
    """The `name==version` pins a lock must repeat: the profile's own from pyproject.toml."""
    if name in STANDALONE:
        lines = (root / "requirements" / f"{name}.in").read_text().splitlines()
    else:
        project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
        lines = list(project.get("dependencies", []))
        for extra in PROFILES[name]:
            lines += project.get("optional-dependencies", {}).get(extra, [])
    return {normalize(m["name"]): m["version"] for line in lines if (m := PIN.match(line.strip()))}


def locked_pins(text: str) -> dict[str, str]:
    return {normalize(m["name"]): m["version"] for line in text.splitlines() if (m := PIN.match(line))}


def problems(root: Path) -> list[str]:
    """One sentence per stale or broken lock (empty: every lock is fresh)."""
    found = []
    for name in [*PROFILES, *STANDALONE]:
        lock = root / "requirements" / f"{name}.lock"
        where = f"requirements/{name}.lock"
        if not lock.exists():
            found.append(f"{where} is missing: run ./dev lock")
            continue
        text = lock.read_text()
        header = HEADER.match(text.split("\n", 1)[0])
        if header is None or header["name"] != name:
            found.append(f"{where} has no fieldsync lock header: run ./dev lock")
            continue
        if header["digest"] != inputs_digest(root, name):
            source = f"requirements/{name}.in" if name in STANDALONE else "pyproject.toml"
            found.append(f"{where} is stale: {source} changed since it was made; run ./dev lock")
            continue
        pinned = locked_pins(text)
        for package, version in direct_pins(root, name).items():
            if pinned.get(package) != version:
                found.append(
                    f"{where} pins {package} {pinned.get(package, 'not at all')}, "
                    f"the requirements say {version}: run ./dev lock"
                )
        if any(line.startswith(("-e ", "--editable")) for line in text.splitlines()):
            found.append(f"{where} installs an editable package: the project goes in with --no-deps")
    return found


def compile_lock(root: Path, source: list[str], out: Path, constraint: Path | None, hashes: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "uv",
        "pip",
        "compile",
        *source,
        "--universal",
        "--python-version",
        PYTHON_VERSION,
        "--no-header",
        "--quiet",
        "--no-annotate" if not hashes else "--annotation-style=line",
        "-o",
        str(out),
    ]
    if hashes:
        command.append("--generate-hashes")
    if constraint is not None:
        command += ["--constraint", str(constraint)]
    subprocess.run(command, cwd=root, check=True)  # noqa: S603 - our own arguments


def regenerate(root: Path) -> None:
    folder = root / "requirements"
    with tempfile.TemporaryDirectory() as tmp:
        everything = Path(tmp) / "everything.txt"  # one resolution of all the extras together
        compile_lock(root, ["pyproject.toml", "--all-extras"], everything, None, hashes=False)
        for name, extras in PROFILES.items():
            out = folder / f"{name}.lock"
            source = ["pyproject.toml", *(arg for extra in extras for arg in ("--extra", extra))]
            compile_lock(root, source, out, everything, hashes=True)
            _stamp(root, name, out)
    for name in STANDALONE:
        out = folder / f"{name}.lock"
        compile_lock(root, [f"requirements/{name}.in"], out, None, hashes=True)
        _stamp(root, name, out)


def _stamp(root: Path, name: str, out: Path) -> None:
    body = "".join(_without_constraint_file(line) for line in out.read_text().splitlines(keepends=True))
    out.write_text(
        f"# fieldsync lock: {name} inputs-sha256={inputs_digest(root, name)}\n"
        "# Generated by `./dev lock` (scripts/lock.py) with uv; do not edit by hand.\n" + body
    )
    print(f"{out.relative_to(root)}: {len(locked_pins(body))} packages")


def _without_constraint_file(line: str) -> str:
    """The shared resolution is a temporary file: naming it in `# via` would change every lock
    each time they are made."""
    if not line.lstrip().startswith("# via "):
        return line
    indent, sources = line[: len(line) - len(line.lstrip())], line.strip().removeprefix("# via ").split(", ")
    kept = [source for source in sources if not source.startswith("-c ")]
    return f"{indent}# via {', '.join(kept)}\n" if kept else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that the locks are fresh (offline)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.check:
        regenerate(args.root)
    found = problems(args.root)
    for line in found:
        print(line, file=sys.stderr)
    if not found and args.check:
        print("locks fresh: " + ", ".join(f"requirements/{n}.lock" for n in [*PROFILES, *STANDALONE]))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
