"""No log line carries a registered personal-data value (issue 18: protection at rest).

A realistic flow runs against the app with its own structlog JSON output captured at DEBUG:
register (and a refused registration), a failed and a good login, a refresh, a booking with an
address and notes, messages over REST and the socket (one refused; and the reactions:
notification, push, feed), a sync pull.
Then none of the person's email, name, address, notes or message text may appear in any line.
"""

from __future__ import annotations

import io
import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from app.logging import REDACTED, redact_personal
from tests.support.bookings import book, build_market, ok
from tests.support.identity import PASSWORD, login, register
from tests.support.messaging import emit, messaging_client, open_conversation, send_rest
from tests.support.notifications import register_device
from tests.support.sync import flush, pull


@contextmanager
def rendered_lines() -> Iterator[io.StringIO]:
    """Every line the app's root handler renders meanwhile (its own formatter: the JSON lines
    production writes), at DEBUG."""
    root = logging.getLogger()
    formatter = root.handlers[0].formatter if root.handlers else None
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter or logging.Formatter())
    handler.setLevel(logging.DEBUG)
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield out
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


async def test_no_log_line_carries_a_personal_data_value(make_client) -> None:
    client = await make_client(log_level="DEBUG")
    market = await build_market(client, crew_size=1)
    tag = secrets.token_hex(3)
    values = {
        "email": f"zoltana.quibble-{tag}@example.com",
        "name": f"Zoltana Quibblefirth {tag}",
        "address": f"17 Quince Lane {tag}, Flat 4",
        "notes": f"gate code 4417 zebra {tag}",
        "message": f"my neighbour Hildegard has the spare key {tag}",
        "socket message": f"ring twice, the bell of {tag} is broken",
        "refused message": f"a message too long for {tag} " + "x" * 5000,
        "refused email": f"refused.{tag}@example.com",
    }
    with rendered_lines() as out:
        refused = await client.post("/v1/auth/register", json={"email": values["refused email"], "password": "short",
                                                               "name": values["name"], "role": "customer"})
        assert refused.status == 422
        ana = await register(client, "customer", values["email"], name=values["name"])
        wrong = await client.post("/v1/auth/login", json={"email": values["email"], "password": PASSWORD + "x"})
        assert wrong.status == 401
        unknown = await client.post("/v1/auth/login", json={"email": values["refused email"], "password": PASSWORD})
        assert unknown.status == 401
        ana = await login(client, values["email"])
        await ok(await client.post("/v1/auth/refresh", json={"refresh_token": ana.refresh_token}))
        for who in (ana, market.crew[0]):  # pushes go out (the embedded sender logs them)
            await register_device(client, who)
        booking = await ok(await book(client, market, ana, address=values["address"], notes=values["notes"]), 201)
        chat = await open_conversation(client, ana, kind="booking", booking_id=booking["id"])
        await send_rest(client, ana, chat["id"], values["message"])
        await send_rest(client, market.crew[0], chat["id"], f"on my way, {values['name']}")
        recorder = await messaging_client(str(client.make_url("")), ana)
        try:
            sent = await emit(recorder, "message:send", {"conversation_id": chat["id"], "client_msg_id": tag,
                                                         "body": values["socket message"]})
            refused_send = await emit(recorder, "message:send", {
                "conversation_id": chat["id"], "client_msg_id": tag + "x", "body": values["refused message"]})
        finally:
            await recorder.close()
        assert sent["ok"] is True and refused_send["ok"] is False, (sent, refused_send)
        await flush(client)
        await pull(client, ana)
        await client.get("/v1/me", headers=ana.headers)
    text = out.getvalue()
    assert text.count('"event":"request"') >= 10 and '"event":"socket_event"' in text, "the capture works"
    leaks = {what: [line for line in text.splitlines() if value.lower() in line.lower()][:3]
             for what, value in values.items()}
    assert {what: lines for what, lines in leaks.items() if lines} == {}


def test_keys_that_name_personal_data_are_redacted_whatever_logs_them() -> None:
    event = redact_personal(None, "info", {"event": "x", "email": "a@b.c", "ip": "203.0.113.1", "user_id": "u1",
                                           "body": None})
    assert event == {"event": "x", "email": REDACTED, "ip": REDACTED, "user_id": "u1", "body": None}
