"""The live feed under load: servicemen's sockets on `/feed`, REST readers of `GET /v1/feed`,
and customers posting jobs in the demo's zones (what fills the servicemen's feeds).

- `FeedSocketUser` subscribes (first without `after`, like a fresh install), then with `after`
  = the highest item seq it holds, as an app does on each resume. Every `feed:item` is recorded
  as `WSR feed:item` with its delay since the item was written (server clock: meaningful when
  Locust runs on the server's machine; a replayed item's delay is its age). The server sends a
  socket each item once (docs/events.md): an item that comes again is a failure (`WSR feed:item
  duplicate`), or `WSR feed:item overlap` when one copy came in a subscribe ack. Now and then it
  drops its socket and resumes.
- `FeedHttpUser` reads the ranked first page and follows `next_cursor` once, and catches up
  with `?after=`.
- `FeedPosterUser` posts jobs (plumbing and cleaning) in Load City's zones as a seeded
  customer: each reaches the servicemen of that zone and trade.

Each user logs in as a seeded account of its own (servicemen read, customers post); socket
users refresh their token before each reconnect.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from load_accounts import CUSTOMER, SERVICEMAN
from load_common import APP_SOCKET, AckError, Session, call, hang_up, received, reconnect, think
from locust import HttpUser, task
from locust.contrib.socketio import SocketIOUser

NAMESPACE = "/feed"
CATEGORIES = ("plumbing.leak-repair", "plumbing", "cleaning")  # the seeded servicemen's trades


def _delay_ms(item: dict[str, Any]) -> float:
    try:
        created = datetime.fromisoformat(str(item["created_at"]).replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return 0.0
    return max(0.0, (datetime.now(UTC) - created).total_seconds() * 1000)


def _centre(zone: dict[str, Any]) -> tuple[float, float]:
    ring = zone["geometry"]["coordinates"][0]
    lngs, lats = [p[0] for p in ring], [p[1] for p in ring]
    return (min(lats) + max(lats)) / 2, (min(lngs) + max(lngs)) / 2


class FeedSocketUser(SocketIOUser):
    options = APP_SOCKET
    weight = 2
    wait_time = think(5, 15)

    def on_start(self) -> None:
        self.session = Session(self, SERVICEMAN)
        self.session.login()
        self.last_seq: int | None = None  # a fresh install holds nothing: its first subscribe has no `after`
        self.seen: dict[str, str] = {}  # item id -> how it first came
        self.sio.on("feed:item", self._on_item, namespace=NAMESPACE)
        self.sio.on("*", self.sio.on_message, namespace=NAMESPACE)
        self._connect()

    def on_stop(self) -> None:
        hang_up(self)

    def _connect(self) -> None:
        reconnect(self, self.session, [NAMESPACE])
        self._subscribe()

    def _subscribe(self) -> None:
        try:
            payload = {} if self.last_seq is None else {"after": self.last_seq}
            data = call(self, "feed:subscribe", payload, NAMESPACE)
        except AckError:
            return  # counted as a failure under its code
        for item in (data or {}).get("items", []):
            self._take(item, "feed:subscribe replay")

    def _on_item(self, data: Any) -> None:
        if isinstance(data, dict) and isinstance(data.get("item"), dict):
            self._take(data["item"], "feed:item")

    def _take(self, item: dict[str, Any], name: str) -> None:
        item_id = str(item.get("id"))
        first = self.seen.get(item_id)
        if first is not None:
            overlap = {first, name} == {"feed:item", "feed:subscribe replay"}
            self.environment.events.request.fire(
                request_type="WSR",
                name="feed:item overlap" if overlap else "feed:item duplicate",
                response_time=0,
                response_length=0,
                exception=None if overlap else AssertionError(item_id),
                context={},
            )
            return
        self.seen[item_id] = name
        self.last_seq = max(self.last_seq or 0, int(item.get("seq") or 0))
        started = time.perf_counter() - _delay_ms(item) / 1000
        received(self, name, started)

    @task(5)
    def resubscribe(self) -> None:
        """What an app does on each resume: subscribe again from the last seq it holds."""
        self._subscribe()

    @task(1)
    def reconnect(self) -> None:
        """A dropped connection (a phone changing networks): refresh, reconnect and resume."""
        self._connect()


class FeedHttpUser(HttpUser):
    weight = 1
    wait_time = think(5, 15)

    def on_start(self) -> None:
        self.session = Session(self, SERVICEMAN)
        self.session.login()
        self.last_seq = 0

    @property
    def headers(self) -> dict[str, str]:
        return self.session.headers()

    @task(3)
    def read_ranked(self) -> None:
        with self.client.get(
            "/v1/feed?limit=20", headers=self.headers, name="/v1/feed", catch_response=True
        ) as response:
            page = response.json() if response.status_code == 200 else {}
        cursor = page.get("next_cursor")
        if cursor:
            self.client.get(
                "/v1/feed", params={"limit": 20, "cursor": cursor}, headers=self.headers, name="/v1/feed?cursor"
            )

    @task(1)
    def catch_up(self) -> None:
        with self.client.get(
            "/v1/feed",
            params={"after": self.last_seq, "limit": 100},
            headers=self.headers,
            name="/v1/feed?after",
            catch_response=True,
        ) as response:
            items = response.json().get("items", []) if response.status_code == 200 else []
        if items:
            self.last_seq = max(self.last_seq, max(int(i["seq"]) for i in items))


class FeedPosterUser(HttpUser):
    weight = 1
    wait_time = think(10, 20)

    def on_start(self) -> None:
        self.session = Session(self, CUSTOMER)
        self.session.login()
        zones = self.client.get("/v1/zones", params={"city": "Load City"}, headers=self.headers, name="/v1/zones")
        self.places = [_centre(zone) for zone in (zones.json().get("items", []) if zones.ok else [])]

    @property
    def headers(self) -> dict[str, str]:
        return self.session.headers()

    @task
    def post_job(self) -> None:
        if not self.places:
            return
        lat, lng = random.choice(self.places)
        budget = random.randint(40, 400) * 100
        body = {
            "title": "Load test job",
            "description": "Posted by the feed load scenario.",
            "category_id": random.choice(CATEGORIES),
            "lat": lat,
            "lng": lng,
            "budget_min": {"amount": budget // 2, "currency": "USD"},
            "budget_max": {"amount": budget, "currency": "USD"},
            "expires_at": (datetime.now(UTC) + timedelta(hours=2)).isoformat(),
        }
        self.client.post("/v1/jobs", json=body, headers=self.headers, name="/v1/jobs (feed source)")
