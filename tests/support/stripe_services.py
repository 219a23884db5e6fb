"""localstripe for the test suite: started on first use (most tests never need it), bound to
127.0.0.1, its state pickled to a private file in the test work folder."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.support.services import Process, free_port

LOCALSTRIPE_KEY = "sk_test_fake"


def localstripe_server(workdir: Path) -> Process:
    port = free_port()
    state = workdir / f"localstripe-{port}.pickle"
    args = [sys.executable, "-m", "tests.support.localstripe_main", str(port), str(state)]
    return Process(args, port, workdir / f"localstripe-{port}.log")
