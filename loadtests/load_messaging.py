"""Messaging under load: socket users who send, read and type in their conversations, and
REST users who list conversations and page through history (PROTOCOL section 3, docs/events.md).

Each simulated user opens its account's support conversation (any user may) and, for a
customer with bookings, the conversation about the first one; `message:new` for its own sends
is timed from the send (the fan-out delay as the sender's other devices see it).
"""

from __future__ import annotations

import random
import time
import uuid
from typing import Any

from load_common import SENDERS, call, login, pick, received
from locust import HttpUser, between, task
from locust.clients import HttpSession
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
    support = client.post("/v1/conversations", json={"kind": "support"}, headers=headers,
                          name="/v1/conversations (open support)")
    if support.ok:
        ids.append(support.json()["id"])
    bookings = client.get("/v1/bookings", headers=headers, name="/v1/bookings")
    items = bookings.json().get("items", []) if bookings.ok else []
    if items:
        about = client.post("/v1/conversations", json={"kind": "booking", "booking_id": items[0]["id"]},
                            headers=headers, name="/v1/conversations (open booking)")
        if about.ok:
            ids.append(about.json()["id"])
    return ids


class MessagingSocketUser(SocketIOUser):
    weight = 3
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.user_id, token = login(self.host, self.environment, pick(SENDERS))
        headers = {"Authorization": f"Bearer {token}"}
        http = HttpSession(self.host, request_event=self.environment.events.request, user=self)
        self.conversations = open_conversations(http, headers)
        self.sent: dict[str, float] = {}  # client_msg_id -> when
        self.last_seq: dict[str, int] = {}
        self.sio.on("message:new", self._on_new, namespace=NAMESPACE)
        self.sio.on("*", self.sio.on_message, namespace=NAMESPACE)  # the catch-all covers "/" only
        self.sio.connect(self.host, namespaces=[NAMESPACE], auth={"token": token}, transports=["websocket"],
                         wait_timeout=10)

    def on_stop(self) -> None:
        self.sio.disconnect()

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
        payload = {"conversation_id": random.choice(self.conversations), "client_msg_id": client_msg_id,
                   "body": random.choice(BODIES)}
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
    def typing(self) -> None:
        if self.conversations:  # volatile, no ack; the server takes one per 2 s per conversation
            self.sio.emit("typing", {"conversation_id": random.choice(self.conversations)}, namespace=NAMESPACE)


class MessagingHttpUser(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    def on_start(self) -> None:
        _user_id, token = login(self.host, self.environment, pick(SENDERS))
        self.headers = {"Authorization": f"Bearer {token}"}
        self.conversations = open_conversations(self.client, self.headers)

    @task(3)
    def list_conversations(self) -> None:
        self.client.get("/v1/conversations", headers=self.headers)

    @task(3)
    def history(self) -> None:
        if self.conversations:
            conversation_id = random.choice(self.conversations)
            self.client.get(f"/v1/conversations/{conversation_id}/messages?limit=50", headers=self.headers,
                            name="/v1/conversations/{id}/messages")

    @task(1)
    def send_over_rest(self) -> None:
        if self.conversations:
            conversation_id = random.choice(self.conversations)
            self.client.post(f"/v1/conversations/{conversation_id}/messages", headers=self.headers,
                             json={"client_msg_id": f"load-{uuid.uuid4().hex}", "body": random.choice(BODIES)},
                             name="/v1/conversations/{id}/messages (send)")
