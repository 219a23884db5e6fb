"""benchmarks/_http: the load generators' minimal keep-alive client against a real aiohttp server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from benchmarks._http import HttpError, HttpPool, finish, request_head


async def _echo(request: web.Request) -> web.StreamResponse:
    body = await request.read()
    if request.headers.get("X-Mode") == "chunked":
        response = web.StreamResponse(status=200)
        response.enable_chunked_encoding()
        await response.prepare(request)
        await response.write(b"x")
        await response.write_eof()
        return response
    headers = {"Connection": "close"} if request.headers.get("X-Mode") == "close" else {}
    return web.json_response({"body": body.decode(), "key": request.headers.get("Idempotency-Key")},
                             status=201, headers=headers)


@pytest.fixture
async def pool() -> AsyncIterator[HttpPool]:
    app = web.Application()
    app.router.add_post("/echo", _echo)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    pool = HttpPool(f"http://127.0.0.1:{port}")
    yield pool
    pool.close()
    await runner.cleanup()


def _post(pool: HttpPool, body: bytes, mode: str = "", extra: bytes = b"") -> bytes:
    return finish(request_head("POST", "/echo", pool.host, {"X-Mode": mode}), body, extra)


async def test_status_body_and_headers_round_trip_and_connections_are_reused(pool: HttpPool) -> None:
    for n in range(3):
        status, body = await pool.request(_post(pool, b"hi%d" % n, extra=b"Idempotency-Key: k1\r\n"))
        assert (status, body) == (201, b'{"body": "hi%d", "key": "k1"}' % n)
    assert pool.opened == 1
    # concurrent requests: one in flight per connection, so as many connections as requests
    answers = await asyncio.gather(*(pool.request(_post(pool, b"%d" % n)) for n in range(5)))
    assert [body for _, body in answers] == [b'{"body": "%d", "key": null}' % n for n in range(5)]
    assert pool.opened == 5 and len(pool.idle) == 5


async def test_connection_close_answer_drops_the_connection(pool: HttpPool) -> None:
    assert (await pool.request(_post(pool, b"a", "close")))[0] == 201
    assert pool.idle == []
    assert (await pool.request(_post(pool, b"b")))[0] == 201
    assert pool.opened == 2


async def test_chunked_answer_is_an_error_and_its_connection_is_not_reused(pool: HttpPool) -> None:
    with pytest.raises(HttpError, match="transfer-encoding"):
        await pool.request(_post(pool, b"a", "chunked"))
    assert pool.idle == []
    assert (await pool.request(_post(pool, b"b")))[0] == 201
