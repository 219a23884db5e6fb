"""The README's money walkthrough works: `fieldsync demo` (what `./dev run` starts, on SQLite,
the sandbox gateway and in-process everything) is served, and scripts/money_demo.py takes a
customer's payment through capture, completion, release and payout to the business's balance
over REST and delta sync."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import io
import os
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp

from tests.support.waiting import wait_until

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "money_demo.py"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _ready(base: str, server: subprocess.Popen[bytes], timeout: float = 90) -> None:
    async with aiohttp.ClientSession() as http:

        async def ready() -> bool:
            assert server.poll() is None, "the demo server exited"
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"{base}/readyz") as response:
                    return response.status == 200
            return False

        await wait_until(ready, timeout, "the demo server ready", interval=0.1)


async def test_the_readme_money_walkthrough_pays_the_provider_on_the_demo(tmp_path: Path) -> None:
    port = _free_port()
    script = Path(sys.executable).parent / "fieldsync"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LOG_LEVEL": "WARNING",
           "DATABASE_URL": f"sqlite://{tmp_path / 'demo.sqlite3'}"}
    # A child server started once (not awaited): a blocking Popen is fine here.
    server = subprocess.Popen([*command, "demo", "--port", str(port)],  # noqa: ASYNC220
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        await _ready(base, server)
        spec = importlib.util.spec_from_file_location("money_demo", SCRIPT)
        assert spec is not None and spec.loader is not None
        demo = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(demo)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            await asyncio.wait_for(demo.main(base), timeout=90)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = printed.getvalue().splitlines()
    assert [line.split(".", 1)[0] for line in lines[:7]] == ["1", "2", "3", "4", "5", "6", "7"], lines
    assert "is authorized" in lines[1] and "payouts enabled: True" in lines[2]
    assert "payment held" in lines[3] and "payment paid_out" in lines[5]
    # The business's whole share went out: nothing left available, all of it paid out, on both paths.
    assert "'available': 0" in lines[6] and "'paid_out': 0" not in lines[6]
    synced = [line for line in lines if line.strip().startswith("sync balances:")]
    assert synced and "'available': {'amount': 0" in synced[0] and "'paid_out': {'amount': 0" not in synced[0]
