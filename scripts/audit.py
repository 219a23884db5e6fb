"""Known vulnerabilities in the locked packages (pip-audit over requirements/*.lock).

    ./dev audit      (and a step of ./dev test, which CI runs)

What fails: a vulnerability that has a fixed release and is not accepted in
requirements/audit-ignore.txt (one `ID  reason` a line): bump the pin, `./dev lock`.
A vulnerability without a fix is reported, not failed (nothing to upgrade to).
When the vulnerability service cannot be reached, or answers for none of the packages (an
offline mirror without PyPI's JSON API), the audit says so in one line and does not fail:
the build must not depend on a third-party service being up; the report shows it was not done.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ("runtime", "test", "load")  # test and load include runtime; runtime is named for the report
UNREACHABLE_MARKERS = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "Timeout", "ServiceError")


@dataclass
class Report:
    failing: list[str] = field(default_factory=list)  # fixable, not accepted
    reported: list[str] = field(default_factory=list)  # no fix yet, or accepted
    unaudited: list[str] = field(default_factory=list)
    audited: int = 0


def accepted_ids(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {line.split()[0] for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")}


def read_report(data: dict[str, object], accepted: set[str]) -> Report:
    """Sort pip-audit's JSON report (`--format json`) into what fails and what is only shown."""
    report = Report()
    dependencies = data.get("dependencies", [])
    assert isinstance(dependencies, list)
    for dep in dependencies:
        where = f"{dep['name']} {dep.get('version', '?')}"
        if "skip_reason" in dep:
            report.unaudited.append(where)
            continue
        report.audited += 1
        for vuln in dep.get("vulns", []):
            ids = {vuln["id"], *vuln.get("aliases", [])}
            fixes = ", ".join(vuln.get("fix_versions", [])) or "none yet"
            line = f"{where}: {vuln['id']} (fixed in {fixes})"
            if vuln.get("fix_versions") and not ids & accepted:
                report.failing.append(line)
            else:
                report.reported.append(line + (" [accepted]" if ids & accepted else ""))
    return report


def verdict(report: Report) -> tuple[int, list[str]]:
    """Exit status and the lines to print."""
    if report.audited == 0:
        return 0, [
            f"audit not done: the vulnerability service answered for none of the {len(report.unaudited)} "
            "packages (offline, or an index without PyPI's JSON API); not failing the build"
        ]
    lines = [f"VULNERABLE {line}" for line in report.failing] + [
        f"known, not failing: {line}" for line in report.reported
    ]
    if report.unaudited:
        lines.append(f"not audited ({len(report.unaudited)}): {', '.join(report.unaudited)}")
    lines.append(
        f"audited {report.audited} packages: {len(report.failing)} fixable vulnerabilities"
        + (" (bump the pins in pyproject.toml, then ./dev lock)" if report.failing else "")
    )
    return (1 if report.failing else 0), lines


def run_pip_audit(root: Path, service: str) -> tuple[dict[str, object] | None, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "audit.json"
        command = [
            sys.executable,
            "-m",
            "pip_audit",
            "--disable-pip",
            "--require-hashes",
            "--progress-spinner",
            "off",
            "--vulnerability-service",
            service,
            "--timeout",
            "15",
            "--format",
            "json",
            "--output",
            str(out),
        ]
        for name in LOCKS:
            command += ["-r", str(root / "requirements" / f"{name}.lock")]
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)  # noqa: S603 - our own arguments
        if out.exists() and out.read_text().strip():
            return json.loads(out.read_text()), result.stderr
        return None, result.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--service", choices=("pypi", "osv"), default="pypi")
    args = parser.parse_args()
    data, stderr = run_pip_audit(ROOT, args.service)
    if data is None:
        last = stderr.strip().splitlines()[-1] if stderr.strip() else "no output"
        if any(marker in stderr for marker in UNREACHABLE_MARKERS):
            print(
                f"audit not done: the vulnerability service ({args.service}) is unreachable: {last[:200]}; "
                "not failing the build"
            )
            return 0
        print(f"audit failed to run: {last}", file=sys.stderr)
        return 2
    status, lines = verdict(read_report(data, accepted_ids(ROOT / "requirements" / "audit-ignore.txt")))
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
