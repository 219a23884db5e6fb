"""Log lines that let an operator follow one user (issue 17): socket handlers' lines carry the
sid, user id, namespace and event; the request line carries the user id and the app version;
Socket.IO long-polls log at debug; CLI commands log JSON like the server."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.support.identity import register
from tests.support.messaging import NS, emit, messaging_client, open_conversation


@contextmanager
def kept_lines(*loggers: str) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    """(level, structlog event dict) of every record these loggers emit meanwhile."""
    lines: list[tuple[int, dict[str, Any]]] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if isinstance(record.msg, dict):
                lines.append((record.levelno, dict(record.msg)))

    handler = Keep()
    for name in loggers:
        logging.getLogger(name).addHandler(handler)
    try:
        yield lines
    finally:
        for name in loggers:
            logging.getLogger(name).removeHandler(handler)


async def test_the_request_line_names_the_user_and_the_app_version(make_client):
    client = await make_client(log_level="INFO")
    account = await register(client)
    with kept_lines("rest.access") as lines:
        await client.get(
            "/v1/me", headers={**account.headers, "X-App-Version": "customer/2.14.0 (android)", "X-Request-ID": "who-1"}
        )
        await client.get("/v1/meta", headers={"User-Agent": "FieldsyncProvider/3.1 iOS", "X-Request-ID": "who-2"})
        await client.get("/v1/meta", headers={"X-Request-ID": "who-3"})  # and nothing leaks from who-1
    by_id = {line["request_id"]: line for _, line in lines if line.get("event") == "request"}
    assert by_id["who-1"]["user_id"] == account.id
    assert by_id["who-1"]["app_version"] == "customer/2.14.0 (android)"
    assert by_id["who-2"]["user_id"] is None  # anonymous
    assert by_id["who-2"]["app_version"] == "FieldsyncProvider/3.1 iOS"  # no X-App-Version: the user agent
    assert by_id["who-3"]["user_id"] is None


async def test_socket_handlers_log_with_sid_user_namespace_and_event(make_client):
    client = await make_client(log_level="DEBUG")
    account = await register(client)
    conversation = await open_conversation(client, account, kind="support")
    recorder = await messaging_client(str(client.make_url("")), account)
    try:
        with kept_lines("realtime.base") as lines:
            ack = await emit(recorder, "message:read", {"conversation_id": conversation["id"], "seq": 0})
        sid = recorder.client.get_sid(NS)
    finally:
        await recorder.close()
    assert ack["ok"] is True, ack
    events = [line for _, line in lines if line.get("event") == "socket_event"]
    assert len(events) == 1
    line = events[0]
    assert (line["sid"], line["user_id"], line["namespace"], line["socket_event"], line["outcome"]) == (
        sid,
        account.id,
        NS,
        "message_read",
        "ok",
    )


async def test_socket_event_lines_cost_nothing_above_debug(make_client):
    client = await make_client(log_level="INFO")
    account = await register(client)
    conversation = await open_conversation(client, account, kind="support")
    recorder = await messaging_client(str(client.make_url("")), account)
    try:
        with kept_lines("realtime.base") as lines:
            await emit(recorder, "message:read", {"conversation_id": conversation["id"], "seq": 0})
    finally:
        await recorder.close()
    assert [line for _, line in lines if line.get("event") == "socket_event"] == []


async def test_long_polls_log_at_debug_and_api_requests_at_info(make_client):
    client = await make_client(log_level="DEBUG")
    account = await register(client)
    with kept_lines("rest.access") as lines:
        recorder = await messaging_client(str(client.make_url("")), account, transport="polling")
        await recorder.close()
        await client.get("/v1/meta")
    requests = [(level, line) for level, line in lines if line.get("event") == "request"]
    polls = [level for level, line in requests if line["route"].startswith("/socket.io")]
    assert polls and set(polls) == {logging.DEBUG}
    assert [level for level, line in requests if line["route"] == "/v1/meta"] == [logging.INFO]


async def test_cli_commands_log_json_lines(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "fieldsync"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DATABASE_URL": f"sqlite://{tmp_path / 'fieldsync.sqlite3'}",
    }
    result = await asyncio.to_thread(
        subprocess.run,
        [*command, "migrate"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert lines, "the command logged nothing"
    done = [line for line in lines if line["event"] in ("migrations_applied", "migrations_up_to_date")]
    assert len(done) == 1
    assert {"level", "timestamp", "logger"} <= set(done[0])
