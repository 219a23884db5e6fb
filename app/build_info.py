"""What build is running: the package version and the source commit, for
`fieldsync_build_info{version,commit}` (and anything else that reports the build).

The commit comes from FIELDSYNC_COMMIT (the image sets it from a build argument:
docker/Dockerfile), else from `git rev-parse` when running from a checkout, else "unknown"."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from functools import cache
from importlib import metadata
from pathlib import Path

from prometheus_client import Info

COMMIT_ENV = "FIELDSYNC_COMMIT"
UNKNOWN = "unknown"
CHECKOUT = Path(__file__).resolve().parent.parent

BUILD_INFO = Info("fieldsync_build", "The running build: package version and source commit")


def version() -> str:
    try:
        return metadata.version("fieldsync")
    except metadata.PackageNotFoundError:
        return UNKNOWN


@cache
def _checkout_commit(checkout: Path) -> str | None:
    git = shutil.which("git")
    if git is None or not (checkout / ".git").exists():  # an installed wheel, an image: no checkout
        return None
    try:
        # A fixed command on our own checkout: no untrusted input.
        done = subprocess.run([git, "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True, timeout=5)  # noqa: S603
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def commit(environ: Mapping[str, str] = os.environ, checkout: Path = CHECKOUT) -> str:
    return environ.get(COMMIT_ENV, "").strip() or _checkout_commit(checkout) or UNKNOWN


def publish() -> None:
    BUILD_INFO.info({"version": version(), "commit": commit()})
