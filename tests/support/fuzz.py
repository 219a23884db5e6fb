"""The schemathesis run of the fuzz tests (tests/test_openapi_fuzz.py says what they prove).

It runs in a process of its own, not in a thread beside the server under test: both are busy
and in one process they took turns on the GIL, the server waiting for the fuzzer at nearly
every socket write (profiled: half of a request's time). Same seed and settings, so the same
examples and checks; only the waiting goes."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import schemathesis
from schemathesis.engine import Status, events, from_schema

from tests.support.reasons import undeclared_reason


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    requests: int = 0
    statuses: dict[int, int] = field(default_factory=dict)


_pool: ProcessPoolExecutor | None = None


async def fuzz_apart(spec: dict[str, Any], settings: dict[str, Any]) -> Report:
    """`run_fuzz` in a process of its own while the server goes on serving on this event loop.
    One process for the session (importing schemathesis costs seconds), spawned: the test
    process has threads and an event loop that a fork would copy."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return await asyncio.get_running_loop().run_in_executor(_pool, run_fuzz, spec, settings)


def run_fuzz(spec: dict[str, Any], settings: dict[str, Any]) -> Report:
    """Blocking: every operation of `spec` with schemathesis `settings` (its config as a dict)."""
    report = Report()
    config = schemathesis.Config.from_dict(settings)
    for event in from_schema(schemathesis.openapi.from_dict(spec, config=config)).execute():
        if isinstance(event, events.ScenarioFinished):
            report.requests += len(event.recorder.interactions)
            for interaction in event.recorder.interactions.values():
                if interaction.response is not None:
                    status = interaction.response.status_code
                    report.statuses[status] = report.statuses.get(status, 0) + 1
                    # Every 409/422 carries a details.reason its operation declares (docs/errors.md).
                    request = interaction.request
                    if broken := undeclared_reason(spec, request.method, urlsplit(request.uri).path, status,
                                                   interaction.response.content or b""):
                        report.failures.append(f"declared_reason {broken} | got {interaction.response.content[:300]!r}")
            for case_id, checks in event.recorder.checks.items():
                for check in checks:
                    if check.status == Status.FAILURE and check.failure_info is not None:
                        report.failures.append(_describe(event.recorder, case_id, check))
        elif isinstance(event, events.NonFatalError):
            report.failures.append(f"{event.label}: {event.info.title}: {event.info.message}")
        elif isinstance(event, events.FatalError):
            report.failures.append(f"fatal: {event.exception!r}")
    return report


def _describe(recorder: Any, case_id: str, check: Any) -> str:
    interaction = recorder.interactions.get(case_id)
    if interaction is None or interaction.response is None:
        return f"{check.name} {recorder.label}: {check.failure_info.failure.title}"
    request, response = interaction.request, interaction.response
    sent, got = (request.body or b"")[:200], response.content[:300]
    return (f"{check.name} {request.method} {request.uri} -> {response.status_code}: "
            f"{check.failure_info.failure.title} | sent {sent!r} | got {got!r}")
