"""A real `fieldsync serve` in a child process, for tests that need what one process cannot
show: fan-out between processes, SIGTERM handling, the CLI wiring.

    server = ServerProcess(workdir, server_env(services, database_url, SHUTDOWN_GRACE_SECONDS="5"))
    server.start()          # waits for /healthz
    ... server.url ...
    server.terminate(); rc = server.wait(10)

or, in a test module, the `server_processes` / `module_server_processes` factory fixtures
(import them into the module: `from tests.support.server_process import server_processes`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest

from tests.support.services import free_port

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class _Services(Protocol):
    redis_url: str
    socket_redis_channel: str
    workdir: Path


def server_env(services: _Services, database_url: str, **overrides: Any) -> dict[str, str]:
    """Settings for a child server, as environment variables (keyword names are setting names,
    any case). Settings inherited from the parent's environment are dropped first, so the child
    runs on exactly what the test says."""
    from app.settings import Settings
    from tests.conftest import TEST_SIGNING_KEYS

    setting_names = {name.upper() for name in Settings.model_fields}
    env = {key: value for key, value in os.environ.items() if key.upper() not in setting_names}
    env.update(
        {
            "APP_ENV": "test",
            "DATABASE_URL": database_url,
            "REDIS_URL": services.redis_url,
            "SOCKET_REDIS_CHANNEL": services.socket_redis_channel,
            "JWT_SIGNING_KEYS": TEST_SIGNING_KEYS,
            "JWT_ACTIVE_KID": "k1",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            "CORS_ORIGINS": "https://app.fieldsync.test",
            "ARGON2_TIME_COST": "1",
            "ARGON2_MEMORY_COST_KIB": "8192",
            "ARGON2_PARALLELISM": "1",
            # As for the in-process app (tests/conftest.py): every test client is 127.0.0.1 on
            # one shared Redis, so production-sized limits would turn a busy minute of the suite
            # into random 429s (a chaos run once had its reconnects refused). Rate tests set theirs.
            "RATE_LIMIT_PER_MINUTE": "1000000",
            "AUTH_RATE_LIMIT_PER_MINUTE": "1000000",
            "SOCKET_HANDSHAKES_PER_MINUTE": "1000000",
        }
    )
    for name, value in overrides.items():
        if value is None:
            env.pop(name.upper(), None)
        else:
            env[name.upper()] = value if isinstance(value, str) else str(value)
    # The source tree first: the child imports the code under test, not an installed copy.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


class ServerProcess:
    """One `fieldsync serve` child on 127.0.0.1 and a free port, logging to a file."""

    def __init__(self, workdir: Path, env: dict[str, str], name: str = "server", port: int | None = None) -> None:
        self.port = port or free_port()
        self._port_chosen_here = port is None
        self.env = env
        self.name = name
        # The work directory as cwd: a developer's .env in the project root must not leak in.
        self.workdir = workdir
        self.log_path = workdir / f"{name}-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._terminated = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def returncode(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def start(self, timeout: float = 30.0) -> ServerProcess:
        # free_port() can only name a port that was free a moment ago: another worker's server or
        # an outgoing connection may take it before the child binds it. Then a new port, not a
        # failed test (a port the caller gave is the caller's to keep).
        for attempt in range(3):
            self._spawn()
            try:
                self._wait_healthy(timeout)
                return self
            except Exception:
                self.kill()
                lost_race = self._port_chosen_here and "address already in use" in self.log_tail()
                if not lost_race or attempt == 2:
                    raise
                self.port = free_port()
                self.log_path = self.workdir / f"{self.name}-{self.port}.log"
        raise AssertionError("unreachable")

    def _spawn(self) -> None:
        args = [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                args, env=self.env, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.returncode is not None:
                raise RuntimeError(f"{self.name} exited with {self.returncode}; log:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        raise TimeoutError(f"{self.name} not healthy after {timeout}s; log:\n{self.log_tail()}")

    def terminate(self) -> None:
        """SIGTERM: the graceful stop an orchestrator sends (once: a second one is no request
        to stop gracefully)."""
        if self.proc is not None and self.proc.poll() is None and not self._terminated:
            self._terminated = True
            self.proc.send_signal(signal.SIGTERM)

    def wait(self, timeout: float) -> int:
        """The exit code; raises subprocess.TimeoutExpired if still running after `timeout`."""
        assert self.proc is not None, "not started"
        return self.proc.wait(timeout)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self, timeout: float = 15.0) -> int | None:
        """SIGTERM, then SIGKILL after `timeout`; returns the exit code."""
        self.terminate()
        try:
            if self.proc is not None:
                self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        return self.returncode

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_text()[-chars:]


ServerFactory = Callable[..., ServerProcess]


def _factory(services: _Services, database_url: str) -> Iterator[ServerFactory]:
    started: list[ServerProcess] = []

    def start(name: str = "server", **settings: Any) -> ServerProcess:
        """Start a server; keyword arguments are settings (`SHUTDOWN_GRACE_SECONDS=5`)."""
        server = ServerProcess(services.workdir, server_env(services, database_url, **settings), name=name)
        started.append(server)
        return server.start()

    yield start
    for server in started:  # all at once: each takes up to its grace period to stop
        server.terminate()
    for server in reversed(started):
        server.stop()


@pytest.fixture
def server_processes(services: Any, database_url: str) -> Iterator[ServerFactory]:
    """Start `fieldsync serve` children for one test; all are stopped afterwards."""
    yield from _factory(services, database_url)


@pytest.fixture(scope="module")
def module_server_processes(services: Any, database_url: str) -> Iterator[ServerFactory]:
    """The same, shared by a test module (start-up costs about a second a process)."""
    yield from _factory(services, database_url)
