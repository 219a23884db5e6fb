"""The offline-first app as it starts and lives (docs/sync.md, PROTOCOL sections 2-5):

1. log in, read `/v1/me`, register the device's push token;
2. sync pull from nothing until `complete` (the snapshot, then the catch-up), keeping the cursor;
3. connect the socket (`/` for `sync:poke`, `/messaging`, and `/feed` for servicemen) and
   subscribe to the feed. The whole start is one entry, `APP start (login → subscribed)`.

Then, while it runs: every `sync:poke` makes it pull from its cursor (one pull at a time; pokes
during a pull ring one more); it sends messages in its booking conversations over the socket,
pushes batches of offline mutations (`POST /v1/sync/push`: message sends and a profile edit, as
a phone coming back online), reads its conversation list, and now and then resumes (refresh the
token, reconnect, pull, resubscribe). A storm (load_shape.py: everyone drops at once, as in a
rolling restart) makes every user reconnect within `LOAD_STORM_JITTER` seconds (the apps'
reconnect backoff) and pull: `APP resync after storm` times each one.
"""

from __future__ import annotations

import random
import time
import uuid
from typing import Any

import gevent
from load_accounts import CUSTOMER, SERVICEMAN
from load_common import APP_SOCKET, THINK_SCALE, AckError, Session, call, hang_up, measured, received, reconnect
from load_storm import STORMS
from locust import task
from locust.contrib.socketio import SocketIOUser

PAGE = 500
BODIES = ("On my way.", "Could we move it to 10am?", "Thanks, all good!", "Please bring the spare part.")


class Sync:
    """A sync client: its install id, cursor, and the rows it needs to act on."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.client_id = str(uuid.uuid4())
        self.cursor: str | None = None
        self.mutation_id = 0
        self.conversations: set[str] = set()
        self.zones: list[tuple[float, float]] = []  # centres of Load City's zones
        self._pulling = False
        self._again = False

    def pull(self, why: str) -> None:
        """Pull until `complete` (a snapshot without a cursor, else from the cursor)."""
        first = True
        while True:
            name = "/v1/sync/pull (snapshot)" if self.cursor is None else f"/v1/sync/pull ({why})"
            body: dict[str, Any] = {"client_id": self.client_id, "limit": PAGE}
            if self.cursor is not None:
                body["cursor"] = self.cursor
            with self.session.http.post(
                "/v1/sync/pull",
                json=body,
                headers=self.session.headers(),
                name=name if first else "/v1/sync/pull (next page)",
                catch_response=True,
            ) as response:
                if response.status_code == 410:  # resync_required: start over, as the client rules say
                    response.success()
                    self.cursor = None
                    continue
                if response.status_code != 200:
                    response.failure(f"{response.status_code}: {response.text[:200]}")
                    return
                page = response.json()
            first = False
            self._take(page["changes"])
            self.cursor = page["cursor"]
            if page["complete"] and not page["has_more"]:
                return

    def pull_on_poke(self) -> None:
        """One pull at a time: a poke during a pull asks for one more after it."""
        if self._pulling:
            self._again = True
            return
        self._pulling = True
        try:
            while True:
                self._again = False
                self.pull("poke")
                if not self._again:
                    return
        finally:
            self._pulling = False

    def push(self, mutations: list[dict[str, Any]]) -> None:
        for mutation in mutations:
            self.mutation_id += 1
            mutation["mutation_id"] = self.mutation_id
        with self.session.http.post(
            "/v1/sync/push",
            json={"client_id": self.client_id, "mutations": mutations},
            headers=self.session.headers(),
            name="/v1/sync/push",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return
            bad = [r for r in response.json()["results"] if r["status"] not in ("applied", "duplicate")]
            if bad:
                response.failure(f"{len(bad)} of {len(mutations)} not applied: {bad[0]}")

    def _take(self, changes: list[dict[str, Any]]) -> None:
        for change in changes:
            if change["collection"] == "conversations":
                (self.conversations.add if change["op"] == "upsert" else self.conversations.discard)(change["id"])
            elif change["collection"] == "zones" and change["op"] == "upsert":
                data = change.get("data") or {}
                ring = ((data.get("geometry") or {}).get("coordinates") or [[]])[0]
                if data.get("city") == "Load City" and ring:
                    lngs, lats = [p[0] for p in ring], [p[1] for p in ring]
                    self.zones.append(((min(lats) + max(lats)) / 2, (min(lngs) + max(lngs)) / 2))


class AppUser(SocketIOUser):
    """The customer and provider apps, one seeded account each, in the seed's role mix."""

    options = APP_SOCKET
    weight = 10

    def wait_time(self) -> float:
        STORMS.wait(self.storm_seen, random.uniform(5, 15) * THINK_SCALE)  # woken early by a storm
        return 0

    def on_start(self) -> None:
        self.storm_seen = STORMS.generation
        started = time.perf_counter()
        self.session = Session(self)
        self.session.login()
        self.session.http.get("/v1/me", headers=self.session.headers(), name="/v1/me")
        self.session.http.post(
            "/v1/devices",
            headers=self.session.headers(),
            name="/v1/devices",
            json={
                "token": f"load-device-{self.session.index}",
                "platform": "android",
                "app": "customer" if self.session.role == CUSTOMER else "provider",
            },
        )
        self.sync = Sync(self.session)
        self.sync.pull("catch-up")
        self.namespaces = ["/", "/messaging"] + (["/feed"] if self.session.role == SERVICEMAN else [])
        self.sio.on("sync:poke", self._on_poke, namespace="/")
        for namespace in self.namespaces:
            self.sio.on("*", self.sio.on_message, namespace=namespace)  # counts other events (WSR)
        self.feed_after: int | None = None
        self.sio.on("feed:item", self._on_item, namespace="/feed")
        self._connect()
        measured(self, "APP", "start (login → subscribed)", started)

    def on_stop(self) -> None:
        hang_up(self)

    def _connect(self) -> None:
        reconnect(self, self.session, self.namespaces)
        if "/feed" in self.namespaces:
            payload = {} if self.feed_after is None else {"after": self.feed_after}
            items = (call(self, "feed:subscribe", payload, "/feed") or {}).get("items", [])
            for item in items:
                self.feed_after = max(self.feed_after or 0, int(item.get("seq") or 0))

    def _on_poke(self, data: Any) -> None:
        received(self, "sync:poke")
        gevent.spawn(self.sync.pull_on_poke)

    def _on_item(self, data: Any) -> None:
        item = data.get("item", {}) if isinstance(data, dict) else {}
        self.feed_after = max(self.feed_after or 0, int(item.get("seq") or 0))
        received(self, "feed:item")

    def _conversation(self) -> str | None:
        return random.choice(sorted(self.sync.conversations)) if self.sync.conversations else None

    def _actions(self) -> list[tuple[Any, int]]:
        actions = [(self.send_message, 4), (self.push_offline_batch, 2), (self.read_conversations, 2), (self.resume, 1)]
        if self.session.role == CUSTOMER:
            actions.append((self.post_job, 1))
        return actions

    @task
    def step(self) -> None:
        if STORMS.generation != self.storm_seen:
            self.storm_seen = STORMS.generation
            self.storm_resync()
            return
        actions = self._actions()
        action = random.choices([a for a, _ in actions], weights=[w for _, w in actions])[0]
        try:
            action()
        except AckError:
            pass  # counted as a failure under its code

    def send_message(self) -> None:
        conversation_id = self._conversation()
        if conversation_id:
            call(
                self,
                "message:send",
                {"conversation_id": conversation_id, "client_msg_id": uuid.uuid4().hex, "body": random.choice(BODIES)},
                "/messaging",
            )

    def push_offline_batch(self) -> None:
        """What a phone queued offline: a few messages and a profile edit, pushed at once."""
        mutations: list[dict[str, Any]] = [
            {
                "collection": "users",
                "op": "update",
                "id": self.session.user_id,
                "data": {"name": f"Load user {self.session.index} ({random.randint(1, 999)})"},
            }
        ]
        conversation_id = self._conversation()
        if conversation_id:
            mutations += [
                {
                    "collection": "messages",
                    "op": "action",
                    "name": "send",
                    "id": conversation_id,
                    "data": {"client_msg_id": uuid.uuid4().hex, "body": random.choice(BODIES)},
                }
                for _ in range(3)
            ]
        self.sync.push(mutations)

    def read_conversations(self) -> None:
        self.session.http.get("/v1/conversations?limit=20", headers=self.session.headers(), name="/v1/conversations")

    def post_job(self) -> None:
        if not self.sync.zones:
            return
        lat, lng = random.choice(self.sync.zones)
        budget = random.randint(40, 400) * 100
        self.session.http.post(
            "/v1/jobs",
            headers=self.session.headers(),
            name="/v1/jobs",
            json={
                "title": "Fix a leaking tap",
                "description": "Posted by the app load scenario.",
                "category_id": random.choice(("plumbing.leak-repair", "cleaning")),
                "lat": lat,
                "lng": lng,
                "budget_min": {"amount": budget // 2, "currency": "USD"},
                "budget_max": {"amount": budget, "currency": "USD"},
            },
        )

    def resume(self) -> None:
        """Back from the background: refresh, reconnect, pull from the cursor, resubscribe."""
        self._connect()
        self.sync.pull("resume")

    def storm_resync(self) -> None:
        gevent.sleep(random.uniform(0, STORMS.jitter))  # the apps' reconnect backoff
        started = time.perf_counter()
        try:
            self._connect()
            self.sync.pull("storm")
        except Exception as exc:
            measured(self, "APP", "resync after storm", started, exc)
            return
        measured(self, "APP", "resync after storm", started)
