"""Structured logs: one JSON object a line, carrying the request id bound by the HTTP
middleware (structlog contextvars), so one request's lines can be joined.

No line carries personal data (issue 18; tests/test_privacy_logs.py runs a realistic flow and
searches the output): log ids, never emails, names, addresses or texts. As a safety net, the
values of keys that name personal data (PERSONAL_KEYS) are replaced by "[redacted]"."""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any

import orjson
import structlog

# Event keys whose values are personal data wherever they appear (domain/privacy/declarations.py).
PERSONAL_KEYS = frozenset({"email", "phone", "address", "notes", "body", "text", "title", "password",
                           "token", "refresh_token", "access_token", "ip", "user_agent"})
REDACTED = "[redacted]"


def redact_personal(_: object, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """Replace the values of PERSONAL_KEYS (a log call should not pass them in the first place)."""
    for key in PERSONAL_KEYS.intersection(event):
        if event[key] is not None:
            event[key] = REDACTED
    return event


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        redact_personal,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
    ]
    renderer: structlog.types.Processor
    if fmt == "json":
        renderer = structlog.processors.JSONRenderer(serializer=_orjson_dumps)
    else:
        renderer = structlog.dev.ConsoleRenderer(colors=False)
    structlog.configure(
        # A line below the logger's level is dropped before any processor runs (the stdlib
        # logger would drop it after them): the per-request line of every websocket handshake
        # cost ~1.5 % of a connect's CPU at LOG_LEVEL=WARNING.
        processors=[structlog.stdlib.filter_by_level, *shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(foreign_pre_chain=shared, processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer,
        ])
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiohttp's access log duplicates our own request log line.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    for noisy in ("aiokafka", "tortoise", "engineio.server", "socketio.server", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))


def _orjson_dumps(obj: object, **_: object) -> str:
    return orjson.dumps(obj, default=str).decode()
