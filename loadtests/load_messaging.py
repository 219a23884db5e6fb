"""Messaging under load: socket users who send, read and type in their conversations, and
REST users who list conversations and page through history (PROTOCOL section 3, docs/events.md).

Each simulated user logs in as a seeded account of its own (load_accounts.py), opens its
support conversation (any user may) and the conversation about its first booking (the seed gives
customers and servicemen bookings); `message:new` for its own sends is timed from the send (the
fan-out delay as the sender's other devices see it). Socket users refresh their token before
each reconnect.
"""

from __future__ import annotations

import random
import time
import uuid
from typing import Any

from load_common import APP_SOCKET, Session, call, hang_up, received, reconnect, think
from locust import HttpUser, task
from locust.contrib.socketio import SocketIOUser

NAMESPACE = "/messaging"
BODIES = (
    "Hi, is 9am tomorrow still fine?",
    "I'm on my way, about 15 minutes out.",
    "The leak is under the kitchen sink.",
    "Thanks, see you then!",
    "Could you bring a spare washer?",
)


def open_conversations(client: Any, headers: dict[str, str]) -> list[str]:
    ids = []
    support = client.post(
        "/v1/conversations", json={"kind": "support"}, headers=headers, name="/v1/conversations (open support)"
    )
    if support.ok:
        ids.append(support.json()["id"])
    bookings = client.get("/v1/bookings", headers=headers, name="/v1/bookings")
    items = bookings.json().get("items", []) if bookings.ok else []
    if items:
        about = client.post(
            "/v1/conversations",
            json={"kind": "booking", "booking_id": items[0]["id"]},
            headers=headers,
            name="/v1/conversations (open booking)",
        )
        if about.ok:
            ids.append(about.json()["id"])
    return ids


class MessagingSocketUser(SocketIOUser):
    options = APP_SOCKET
    weight = 2
    wait_time = think(4, 12)

    def on_start(self) -> None:
        self.session = Session(self)
        self.session.login()
        self.conversations = open_conversations(self.session.http, self.session.headers())
        self.sent: dict[str, float] = {}  # client_msg_id -> when
        self.last_seq: dict[str, int] = {}
        self.sio.on("message:new", self._on_new, namespace=NAMESPACE)
        self.sio.on("*", self.sio.on_message, namespace=NAMESPACE)  # the catch-all covers "/" only
        reconnect(self, self.session, [NAMESPACE])

    def on_stop(self) -> None:
        hang_up(self)

    def _on_new(self, data: Any) -> None:
        message = data.get("message", {}) if isinstance(data, dict) else {}
        started = self.sent.pop(message.get("client_msg_id", ""), None)
        self.last_seq[message.get("conversation_id", "")] = message.get("seq", 0)
        received(self, "message:new (own send)" if started else "message:new", started)

    @task(5)
    def send(self) -> None:
        if not self.conversations:
            return
        client_msg_id = f"load-{uuid.uuid4().hex}"
        self.sent[client_msg_id] = time.perf_counter()
        payload = {
            "conversation_id": random.choice(self.conversations),
            "client_msg_id": client_msg_id,
            "body": random.choice(BODIES),
        }
        try:
            call(self, "message:send", payload, NAMESPACE)
        except Exception:
            self.sent.pop(client_msg_id, None)
        if len(self.sent) > 1000:  # sends whose message:new never came: do not grow forever
            self.sent.clear()

    @task(2)
    def read(self) -> None:
        if self.last_seq:
            conversation_id, seq = random.choice(list(self.last_seq.items()))
            if conversation_id:
                call(self, "message:read", {"conversation_id": conversation_id, "seq": seq}, NAMESPACE)

    @task(1)
    def resume(self) -> None:
        """A dropped connection (a phone changing networks): refresh the token and reconnect."""
        reconnect(self, self.session, [NAMESPACE])

    @task(1)
    def typing(self) -> None:
        if self.conversations:  # volatile, no ack; the server takes one per 2 s per conversation
            self.sio.emit("typing", {"conversation_id": random.choice(self.conversations)}, namespace=NAMESPACE)


class MessagingHttpUser(HttpUser):
    weight = 1
    wait_time = think(4, 12)

    def on_start(self) -> None:
        self.session = Session(self)
        self.session.login()
        self.conversations = open_conversations(self.client, self.session.headers())

    @property
    def headers(self) -> dict[str, str]:
        return self.session.headers()

    @task(3)
    def list_conversations(self) -> None:
        self.client.get("/v1/conversations", headers=self.headers)

    @task(3)
    def history(self) -> None:
        if self.conversations:
            conversation_id = random.choice(self.conversations)
            self.client.get(
                f"/v1/conversations/{conversation_id}/messages?limit=50",
                headers=self.headers,
                name="/v1/conversations/{id}/messages",
            )

    @task(1)
    def send_over_rest(self) -> None:
        if self.conversations:
            conversation_id = random.choice(self.conversations)
            self.client.post(
                f"/v1/conversations/{conversation_id}/messages",
                headers=self.headers,
                json={"client_msg_id": f"load-{uuid.uuid4().hex}", "body": random.choice(BODIES)},
                name="/v1/conversations/{id}/messages (send)",
            )
