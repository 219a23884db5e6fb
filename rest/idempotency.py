"""Idempotency-Key on REST POSTs (docs/idempotency.md): a retried request gets the first
response instead of running twice.

Every authenticated POST route honours the header unless it says `idempotent=False` (reads
dressed as POSTs, sync with its own per-mutation ids); routing.endpoint calls `run` once the
caller is authenticated and the input validated, so a request refused before its handler
(401, 400, 404 of a malformed id, 415, 422 of the body) wrote nothing and is not recorded.

- Scope: the authenticated user. Unauthenticated POSTs (register, login, refresh, logout)
  ignore the header: their responses carry tokens, and a per-address scope would replay them
  to whoever shares a NAT and guesses the key; an account's email is unique anyway.
- Same key, same request (method, path, query, validated body): the first response, with
  `Idempotent-Replayed: true`, for 24 hours. Same key, another request: 422
  `idempotency_key_reused`, nothing runs.
- Concurrent duplicates wait (at most `idempotency_wait_seconds`) for the first to finish and
  get its response; past the wait, 409 `idempotency_key_in_progress` with Retry-After.
- What is final: every response of the handler, 4xx included (the request as sent was refused:
  a retry of it must not start succeeding later; a new attempt takes a new key), except 429
  and 5xx when nothing committed (a retry runs again). A 5xx after something committed is
  stored and replayed, as Stripe does: running again could do it twice.

Never twice: the handler's own unit of work marks the key committed (uow.guard_commits), and
only if this attempt still holds it (see domain/shared/idempotency.py).

A route whose use case never runs twice by itself (`deduplicated_by`: a message send and its
`client_msg_id`) is not fenced: its handler's write stays a statement of its own transaction,
so it may join a group commit of sends (domain/messaging/grouping.py; fenced, every send was a
transaction of its own). The key is still claimed (a reused key and concurrent duplicates are
answered as above) and its answer recorded and replayed. What the fence decided is decided by
the use case instead: an attempt taken over, or a retry after a 5xx, a crash or a cancel (the
key is then released, whatever committed), runs the handler again and gets the first result.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import re
import weakref
from collections.abc import Awaitable, Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import orjson
import structlog
from aiohttp import web
from pydantic import BaseModel

from domain.shared import idempotency as store
from domain.shared.errors import ErrorCode
from domain.shared.uow import UnitOfWork, guard_commits
from rest.errors import HttpProblem, problem_middleware

log = structlog.get_logger(__name__)

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
KEY_PATTERN = f"^[!-~]{{1,{store.MAX_KEY_LENGTH}}}$"  # visible ASCII, no spaces (OpenAPI uses it too)
_KEY = re.compile(KEY_PATTERN)
# Response headers that belong to the response (the rest are per request: id, CORS, security).
KEPT_HEADERS = ("Content-Type", "Location", "ETag", "Last-Modified")
# A response that may change on its own when retried: not final unless something committed.
TRANSIENT = 429
FIRST_POLL_SECONDS = 0.02
MAX_POLL_SECONDS = 0.25

# Waiters in this process are woken as soon as the attempt they wait for (also in this
# process) finishes; waiters on another process's attempt poll the store.
_finished: weakref.WeakValueDictionary[tuple[str, str], asyncio.Event] = weakref.WeakValueDictionary()


@dataclass(frozen=True)
class Policy:
    wait_seconds: float = 10.0  # how long a duplicate waits for the first attempt
    lease: timedelta = timedelta(seconds=30)  # past it, an attempt that committed nothing is reclaimed
    retention: timedelta = store.RETENTION

    @classmethod
    def of(cls, settings: Any) -> Policy:
        return cls(wait_seconds=float(getattr(settings, "idempotency_wait_seconds", cls.wait_seconds)),
                   lease=timedelta(seconds=float(getattr(settings, "idempotency_lease_seconds", 30.0))))


def key_of(request: web.Request) -> str | None:
    """The request's Idempotency-Key, None without one; 400 when malformed or repeated."""
    values = request.headers.getall(HEADER, [])
    if not values:
        return None
    if len(values) > 1 or not _KEY.fullmatch(values[0]):
        raise store.KeyInvalid()
    return values[0]


def fingerprint(request: web.Request, body: Any, query: Any) -> str:
    """What makes two requests the same: method, path, and the validated query and body
    (canonical JSON, so key order and whitespace do not matter; defaults are filled in)."""
    digest = hashlib.sha256()
    for part in (request.method, request.path):
        digest.update(part.encode() + b"\0")
    for model in (query, body):
        data = model.model_dump(mode="json") if isinstance(model, BaseModel) else model
        digest.update(orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS) + b"\0")
    return digest.hexdigest()


async def run(request: web.Request, *, scope: str, key: str, route: str, fingerprint: str,
              call: Callable[[], Awaitable[web.StreamResponse]], policy: Policy,
              fenced: bool = True) -> web.StreamResponse:
    """Run `call` once for (scope, key), or answer what its first run answered. `fenced=False`:
    the call never runs twice by itself (`deduplicated_by`), its commit is not fenced."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + policy.wait_seconds
    delay = FIRST_POLL_SECONDS
    while True:
        claim = await store.claim(scope, key, route, fingerprint, lease=policy.lease, retention=policy.retention)
        if isinstance(claim, store.Owned):
            return await _execute(request, claim, (scope, key), call, fenced)
        if isinstance(claim, store.Replay):
            return replay(claim.response)
        if isinstance(claim, store.Mismatch):
            what = "another route" if claim.other_route else "a request with a different body"
            raise store.KeyReused(f"This Idempotency-Key was already used for {what}; use a new key.")
        if isinstance(claim, store.Lost):
            raise store.ResponseLost()
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise HttpProblem(ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, store.KeyInProgress.default_message,
                              headers={"Retry-After": str(max(1, math.ceil(policy.wait_seconds / 4)))})
        event = _finished.get((scope, key))
        if event is None:
            event = _finished.setdefault((scope, key), asyncio.Event())
        try:
            await asyncio.wait_for(event.wait(), min(delay, remaining))
        except TimeoutError:
            delay = min(delay * 2, MAX_POLL_SECONDS)


async def _execute(request: web.Request, owned: store.Owned, name: tuple[str, str],
                   call: Callable[[], Awaitable[web.StreamResponse]], fenced: bool) -> web.StreamResponse:
    """Run the handler for the attempt holding the key, then store its answer or release the key.
    Unfenced (`deduplicated_by`), nothing is known to have committed: a 5xx, a 429 or a cancel
    releases the key whatever the handler wrote, and the retry runs it again."""
    committed = False
    taken_over = False
    finished = False  # a task the handler started may commit later: no longer this request's business

    def mark_committed() -> None:
        nonlocal committed
        committed = True

    async def fence(uow: UnitOfWork) -> None:
        nonlocal taken_over
        if finished:
            return
        try:
            await store.fence(uow, owned)
        except store.TakenOver:
            taken_over = True
            raise
        uow.after_commit(mark_committed)

    async def handler(_request: web.Request) -> web.StreamResponse:
        return await call()

    try:
        with guard_commits(fence) if fenced else nullcontext():
            # Errors become their problem documents here (not in the outer middleware), so a 4xx is stored.
            response: web.StreamResponse = await problem_middleware(request, handler)
        if taken_over:  # a retry reclaimed the key; this attempt wrote nothing: its 409 is not stored
            return response
        if (response.status >= 500 or response.status == TRANSIENT) and not committed:
            await store.release(owned)  # nothing was written: a retry may run again
            return response
        try:
            await store.complete(owned, stored_response(response))
        except Exception:  # the client gets its answer; fenced, retries get 409 response_lost (unfenced, run again)
            log.exception("idempotency_store_failed", route=str(request.rel_url.path))
        return response
    except BaseException:  # cancelled (shutdown): let a retry run again if nothing committed
        if not committed:
            await asyncio.shield(_release_quietly(owned))
        raise
    finally:
        finished = True
        event = _finished.pop(name, None)  # later waiters get a fresh event
        if event is not None:
            event.set()


async def _release_quietly(owned: store.Owned) -> None:
    try:
        await store.release(owned)
    except Exception:  # the lease runs out instead, and a retry reclaims the key
        log.exception("idempotency_release_failed")


def stored_response(response: web.StreamResponse) -> store.StoredResponse:
    body = response.body if isinstance(response, web.Response) else None
    headers = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
    if isinstance(response, web.Response) and "Content-Type" not in headers and body is not None:
        headers["Content-Type"] = response.content_type
    return store.StoredResponse(response.status, headers, bytes(body) if isinstance(body, bytes | bytearray) else b"")


def replay(stored: store.StoredResponse) -> web.Response:
    response = web.Response(status=stored.status, body=stored.body or None, headers=stored.headers)
    response.headers[REPLAYED_HEADER] = "true"
    return response


__all__ = ["HEADER", "KEY_PATTERN", "REPLAYED_HEADER", "Policy", "fingerprint", "key_of", "replay", "run"]
