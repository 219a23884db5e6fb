"""Issue 11, items 1 and 2 and the malformed-packet item: hostile input costs little and is
answered with a clear error.

- JSON nested past 64 levels, or with too many objects, arrays or members, is a 422
  `validation_failed` whose error `type` says why (`too_deep`, `too_many_values`), judged before
  the body is parsed; never a 500 from a recursion, and at most 20 listed problems.
- The same floor holds for socket payloads and sync pushes (nothing of a refused push is
  written); a socket event packet that does not decode, or is no `[name, ...]`, gets a
  `validation_failed` ack when it asked for one.
- The scam screen costs milliseconds on adversarial 4,000-character messages (it took over a
  second on `"a." * 2000`) and still flags what it flagged: the rewritten rules are checked
  against the original regexes on random texts. (Event-loop figures: benchmarks/input_hardening.py.)
"""

from __future__ import annotations

import asyncio
import random
import re
import time
import uuid
from typing import Any

import aiohttp
import orjson
import pytest

from domain.messaging import screening, screening_links
from domain.messaging.screening import RULES, ScreenContext, screen
from tests.support.identity import register
from tests.support.socket_clients import Recorder, signer_for

BEFORE = ScreenContext(has_booking=False)
PRESENCE = "/presence"


def nested(depth: int, leaf: Any = "x") -> Any:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def raw_nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


async def post_raw(client, path: str, body: bytes, headers: dict[str, str] | None = None):
    return await client.post(path, data=body, headers={"Content-Type": "application/json", **(headers or {})})


def error_types(problem: dict[str, Any]) -> list[str]:
    return [error["type"] for error in problem.get("errors") or []]


# -- REST bodies -----------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [65, 1_000, 5_000])
async def test_a_deeply_nested_login_body_is_a_422_that_says_too_deep(client, depth: int):
    body = b'{"email": ' + raw_nested(depth) + b', "password": "x"}'
    response = await post_raw(client, "/v1/auth/login", body)
    problem = await response.json()
    assert response.status == 422, problem  # was 500 at ~1,000 (a RecursionError), 400 past orjson's 1,024
    assert problem["code"] == "validation_failed" and error_types(problem) == ["too_deep"]
    # 64 levels are still fine: the model answers for the field, not the depth floor.
    shallow = await post_raw(client, "/v1/auth/login", b'{"email": ' + raw_nested(63) + b', "password": "x"}')
    assert shallow.status == 422 and "too_deep" not in error_types(await shallow.json())


async def test_a_megabyte_of_nested_arrays_is_refused_before_it_is_parsed(client):
    unit = b"[" * 60 + b"]" * 60
    body = b"[" + b",".join([unit] * (1_000_000 // (len(unit) + 1))) + b"]"
    started = time.monotonic()
    response = await post_raw(client, "/v1/auth/login", body)
    elapsed = time.monotonic() - started
    problem = await response.json()
    assert response.status == 422 and error_types(problem) == ["too_many_values"], problem
    assert elapsed < 5, f"{elapsed:.1f} s"  # a loose bound: the old walk took half a minute
    # Brackets and colons inside strings are text, not structure.
    body = orjson.dumps({"email": "[" * 70_000 + "{" * 1_000 + ":" * 30_000, "password": "x"})
    response = await post_raw(client, "/v1/auth/login", body)
    problem = await response.json()
    assert response.status == 422 and error_types(problem) == ["string_too_long"], problem


async def test_a_body_full_of_nul_strings_gets_a_short_answer(client):
    # ~18 KB: the old walk listed every one of the 2,000 with its path (a 1.4 MB answer).
    body = orjson.dumps({"email": "a@b.co", "password": "x", "junk": ["\x00"] * 2_000})
    assert len(body) < 20_000
    response = await post_raw(client, "/v1/auth/login", body)
    text = await response.text()
    problem = orjson.loads(text)
    assert response.status == 422 and problem["code"] == "validation_failed"
    assert len(problem["errors"]) == 21 and len(text) < 8_000
    assert problem["errors"][0] == {"field": "junk.0", "message": "must not contain NUL characters",
                                    "type": "string_nul", "location": "body"}
    assert problem["errors"][-1]["type"] == "too_many_errors"


async def test_an_object_of_unknown_keys_is_summed_up_not_listed(client):
    keys = {"email": "a@b.co", "password": "x"} | {f"k{n}": 0 for n in range(5_000)}
    response = await post_raw(client, "/v1/auth/login", orjson.dumps(keys))
    problem = await response.json()
    assert response.status == 422 and problem["errors"] == [
        {"field": "body", "message": "5000 problems, too many to list", "type": "too_many_errors", "location": "body"}]
    too_many = {"email": "a@b.co", "password": "x"} | {f"k{n}": 0 for n in range(25_000)}
    response = await post_raw(client, "/v1/auth/login", orjson.dumps(too_many))
    assert error_types(await response.json()) == ["too_many_values"]


async def test_a_sync_push_nested_too_deep_writes_nothing(client):
    customer = await register(client, "customer", name="Before")
    rename = {"mutation_id": 1, "collection": "users", "op": "update", "id": customer.id, "data": {"name": "After"}}
    deep = {"mutation_id": 2, "collection": "users", "op": "update", "id": customer.id,
            "data": {"name": "Deep", "notes": nested(70)}}
    response = await client.post("/v1/sync/push", headers=customer.headers,
                                 json={"client_id": str(uuid.uuid4()), "mutations": [rename, deep]})
    problem = await response.json()
    assert response.status == 422 and error_types(problem) == ["too_deep"], problem
    me = await (await client.get("/v1/me", headers=customer.headers)).json()
    assert me["name"] == "Before"  # the good mutation before it was not applied either


# -- sockets ---------------------------------------------------------------------------------------


async def _presence(client, settings_factory) -> Recorder:
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])
    return await Recorder.connect(str(client.make_url("")).rstrip("/"), token, [PRESENCE])


async def test_socket_payloads_get_the_same_floor(make_client, settings_factory):
    client = await make_client()
    recorder = await _presence(client, settings_factory)
    try:
        deep = await recorder.client.call("presence:subscribe", {"user_ids": nested(100)}, namespace=PRESENCE,
                                          timeout=5)
        nul = await recorder.client.call("presence:subscribe", {"user_ids": ["a\x00b"]}, namespace=PRESENCE,
                                         timeout=5)
        fine = await recorder.client.call("presence:subscribe", {"user_ids": []}, namespace=PRESENCE, timeout=5)
    finally:
        await recorder.close()
    assert deep["ok"] is False and deep["error"]["code"] == "validation_failed"
    assert [e["type"] for e in deep["error"]["details"]["errors"]] == ["too_deep"]
    assert [e["type"] for e in nul["error"]["details"]["errors"]] == ["string_nul"]
    assert fine["ok"] is True


async def _raw_socket(client, settings_factory, session: aiohttp.ClientSession) -> aiohttp.ClientWebSocketResponse:
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])
    ws = await session.ws_connect(str(client.make_url("/socket.io/?EIO=4&transport=websocket")))
    assert (await ws.receive_str()).startswith("0")
    await ws.send_str("40" + PRESENCE + "," + orjson.dumps({"token": token}).decode())
    assert (await ws.receive_str()).startswith("40" + PRESENCE + ",")
    return ws


async def _ack(ws: aiohttp.ClientWebSocketResponse, ack_id: int) -> Any:
    prefix = f"43{PRESENCE},{ack_id}"
    async with asyncio.timeout(5):
        while True:
            text = await ws.receive_str()
            if text == "2":  # an Engine.IO ping
                await ws.send_str("3")
            elif text.startswith(prefix + "["):
                return orjson.loads(text[len(prefix):])[0]


@pytest.mark.parametrize(("packet", "message"), [
    ('["presence:subscribe",{"user_ids":[', "The event is not valid JSON."),
    ('["presence:subscribe",' + "[" * 1_100 + "]" * 1_100 + "]", "The event is nested too deeply."),
    ("", "An event is a JSON array: its name, then its payload."),
    ("[]", "An event is a JSON array: its name, then its payload."),
    ('{"event":"presence:subscribe"}', "An event is a JSON array: its name, then its payload."),
    ("[7,{}]", "An event is a JSON array: its name, then its payload."),
])
async def test_a_broken_event_packet_with_an_ack_id_gets_validation_failed(make_client, settings_factory,
                                                                          packet: str, message: str):
    client = await make_client()
    async with aiohttp.ClientSession() as session:
        ws = await _raw_socket(client, settings_factory, session)
        await ws.send_str(f"42{PRESENCE},7{packet}")
        ack = await _ack(ws, 7)  # the old server logged a traceback and never answered
        assert ack == {"ok": False, "error": {"code": "validation_failed", "message": message,
                                              "details": {"reason": "invalid_input"}}}
        await ws.send_str(f'42{PRESENCE},8["presence:subscribe",{{"user_ids":[]}}]')
        assert (await _ack(ws, 8))["ok"] is True  # the socket is still served
        await ws.close()


# -- the scam screen -------------------------------------------------------------------------------

# What an attacker sends to make a regex backtrack: runs of the characters a pattern loops over.
ADVERSARIAL_UNITS = ["a.", "a-", "1.", "a.-", "1-", "1.1.1.1.", "a-a.", "_.", "é.", "www.", "xn--", "a@", "@a.",
                     "at", "x at ", "a at a ", " at ", "1 ", "+1 ", "(1", "pay ", "paypal ", "pay bitcoi ",
                     "@xwww.at", "1.co+_", "a.com.", "aaaa.com/", "AB12 ", "insta ", "0", "a", "\n", "$1",
                     "http://", "e@", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z."]
MAX_CHARS = 4_000


def adversarial() -> list[str]:
    return [(unit * (MAX_CHARS // len(unit) + 1))[:MAX_CHARS] for unit in ADVERSARIAL_UNITS]


def test_adversarial_messages_are_screened_in_milliseconds():
    slowest = 0.0
    for text in adversarial():
        started = time.thread_time()
        screen(text, BEFORE, extra=("a." * 100,))
        slowest = max(slowest, time.thread_time() - started)
    # A loose bound (the benchmark measures it): "a." * 2000 took 1.2 s before, about 5 ms now.
    assert slowest < 0.2, f"{slowest * 1000:.0f} ms"


@pytest.mark.parametrize(("filler", "tail", "reason"), [
    ("a.", " see bit.ly/3xYzAbc", "suspicious_link"),
    ("1.", " log in at https://paypa1-secure.com/login", "suspicious_link"),
    ("a-a.", " http://192.168.4.20/pay", "suspicious_link"),
    ("a.", " write to joe at gmail dot com", "contact_before_booking"),
    ("a.", " mail joe.plumber@gmail.com", "contact_before_booking"),
    ("_.", "\nsend it by western union", "off_platform_payment"),
    ("a.-", "\nmy IBAN is DE89 3704 0044 0532 0130 00", "payment_details"),
])
def test_detections_survive_adversarial_padding(filler: str, tail: str, reason: str):
    text = (filler * MAX_CHARS)[: MAX_CHARS - len(tail)] + tail
    started = time.thread_time()
    reasons = screen(text, BEFORE)
    assert reason in reasons
    assert time.thread_time() - started < 0.2


# The rules as they were (main at 1232af2): the oracle the rewritten ones must agree with.
_F = re.IGNORECASE
_CHANNEL = screening._CHANNEL
_PAY = screening._PAY
OLD_OFF_PLATFORM = [re.compile(rf"\b(?:{_PAY})\b.{{0,60}}\b(?:{_CHANNEL})\b", _F),
                    re.compile(rf"\b(?:{_CHANNEL})\b.{{0,60}}\b(?:{_PAY})\b", _F)]
OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", _F)
OLD_EMAIL_SPELLED = re.compile(
    r"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\}| at )\s*[\w-]+\s*(?:\(dot\)|\[dot\]|\{dot\}| dot )\s*"
    r"(?:com|net|org|co|io)\b", _F)
OLD_URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"']+|\b(?:[\w-]+\.)+(?:{screening_links.TLDS})\b(?:/[^\s<>\"']*)?|\bxn--[a-z0-9-]+\S*"
    r"|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{2,5})?/[^\s<>\"']*", _F)

# Pieces the patterns care about, so short random texts hit their edges often.
PIECES = ["a", "b", "x", "é", "_", "-", ".", "..", "@", " ", "\n", "/", ":", "1", "12", "192.168.1.1", "www.",
          "http://", "https://", "xn--", "com", "co", "ly", "uk", "bit.ly", "paypal", "pay", "send", "wire",
          "transfer", "bank transfer", "gift card", "amazon gift cards", "zelle", "cash app", "cash", " at ",
          "(at)", " dot ", "[dot]", "gmail", "+", "'", '"', "<", ">", "?", ")", "!", "e", "4242 4242 4242 4242",
          "DE89370400440532013000", "sort code", "555 0134"]


def random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))) for _ in range(count)]


def test_the_rewritten_rules_agree_with_the_original_regexes():
    links = screening_links._links  # the linear replacement of OLD_URL.finditer
    for text in random_texts(11, 6_000):
        assert list(links(text)) == [m.group() for m in OLD_URL.finditer(text)], repr(text)
        assert bool(screening._EMAIL.search(text)) == bool(OLD_EMAIL.search(text)), repr(text)
        assert bool(screening._EMAIL_SPELLED.search(text)) == bool(OLD_EMAIL_SPELLED.search(text)), repr(text)
        old_payment = any(pattern.search(text) for pattern in OLD_OFF_PLATFORM + screening._OFF_PLATFORM)
        assert RULES["off_platform_payment"](text, BEFORE) == old_payment, repr(text)
        old_details = bool(screening._BANK_PHRASES.search(text)) or any(
            screening.is_iban(m.group()) for m in screening._IBAN.finditer(text)) or any(
            screening.is_card_number(m.group()) for m in screening._CARD.finditer(text))
        assert RULES["payment_details"](text, BEFORE) == old_details, repr(text)
        old_contact = bool(screening._EMAIL.search(text) or screening._EMAIL_SPELLED.search(text)
                           or screening._MESSENGER.search(text)) or any(
            screening._looks_like_phone(m.group()) for m in screening._PHONE.finditer(text))
        assert RULES["contact_before_booking"](text, BEFORE) == old_contact, repr(text)
