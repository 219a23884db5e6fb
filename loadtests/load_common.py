"""Shared by the Locust scenarios: the account session (log in, refresh), measured socket calls.

Never imported by the service or the tests: Locust monkey-patches the process (gevent).
"""

from __future__ import annotations

import os
import random
import time
from typing import Any

import gevent
import gevent.lock
import socketio
from load_accounts import ACCOUNTS, PASSWORD, email_of
from locust import User
from locust.clients import HttpSession

# Socket clients as the mobile apps connect: no Origin header (the websocket library would send
# one, which a server with CORS_ORIGINS set refuses unless it lists the load generator's host).
APP_SOCKET: dict[str, Any] = {"websocket_extra_options": {"suppress_origin": True}}
# Think time: how long a simulated person waits between actions. The apps' users act every
# several seconds at most (read, reply, pull to refresh); LOAD_THINK scales every pause (0.5 =
# twice as busy), so a run states how hard its users press.
THINK_SCALE = float(os.environ.get("LOAD_THINK", "1"))


def think(low: float, high: float) -> Any:
    """A Locust wait_time: uniform between low and high seconds, times LOAD_THINK."""
    return lambda _user: random.uniform(low, high) * THINK_SCALE


REFRESH_AT = 0.8  # of the access token's lifetime: refresh before it runs out, as the apps do


class AuthError(Exception):
    """Login or refresh refused: the user cannot go on (counted as a failure already)."""


class Session:
    """One seeded account's tokens, kept as an app keeps them: log in once, then refresh (the
    refresh token is spent on each use) before the access token expires and before every socket
    reconnect, so runs longer than the access token's 15 minutes keep reconnecting."""

    def __init__(self, user: User, role: str | None = None) -> None:
        self.index, self.role = ACCOUNTS.take(role)
        self.email = email_of(self.index)
        self.http = HttpSession(user.host or "", request_event=user.environment.events.request, user=user)
        self.user_id = ""
        self.access_token = ""
        self.refresh_token = ""
        self._expires_at = 0.0
        self._lock = gevent.lock.Semaphore()  # one refresh at a time: a spent token revokes the login
        self._pairs = 0  # token pairs taken so far

    def login(self) -> None:
        with self.http.post(
            "/v1/auth/login",
            json={"email": self.email, "password": PASSWORD},
            name="/v1/auth/login",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                raise AuthError(self.email)
            self._take(response.json())

    def refresh(self) -> None:
        """A new token pair for the spent refresh token; a refused refresh logs in again. Callers
        racing (a poke's pull and a reconnect) share one refresh: presenting the refresh token a
        second time would be taken for theft and revoke the whole login."""
        seen = self._pairs
        with self._lock:
            if self._pairs != seen:
                return
            self._refresh()

    def _refresh(self) -> None:
        with self.http.post(
            "/v1/auth/refresh", json={"refresh_token": self.refresh_token}, name="/v1/auth/refresh", catch_response=True
        ) as response:
            if response.status_code == 200:
                self._take(response.json())
                return
            response.failure(f"{response.status_code}: {response.text[:200]}")
        self.login()

    def token(self) -> str:
        """The access token, refreshed first when it is near its end."""
        if time.monotonic() >= self._expires_at:
            self.refresh()
        return self.access_token

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}

    def socket_auth(self) -> dict[str, str]:
        """The socket's `auth`, called on every connect, the client's own reconnects included
        (after a server restart): a freshly refreshed token each time."""
        self.refresh()
        return {"token": self.access_token}

    def _take(self, body: dict[str, Any]) -> None:
        self.user_id = str(body["user"]["id"])
        self.access_token = body["access_token"]
        self.refresh_token = body["refresh_token"]
        self._expires_at = time.monotonic() + REFRESH_AT * float(body.get("expires_in") or 900)
        self._pairs += 1


def reconnect(user: Any, session: Session, namespaces: list[str]) -> None:
    """(Re)connect the user's socket with a freshly refreshed token, as the apps do on resume."""
    if user.sio.connected:
        user.sio.disconnect()
    user.sio.connect(
        user.host, namespaces=namespaces, auth=session.socket_auth, transports=["websocket"], wait_timeout=10
    )


def hang_up(user: Any) -> None:
    """Disconnect at the end of the run, bounded: against a server in trouble a disconnect can
    wait a long time, and the run must still end."""
    gevent.spawn(user.sio.disconnect).join(timeout=2)


class AckError(Exception):
    """A socket call answered {"ok": false, ...}: counted as a failure under its error code."""


def call(user: Any, event: str, data: Any, namespace: str, timeout: float = 10) -> Any:
    """A Socket.IO call with an ack, measured by Locust; an error ack is a failure. (Locust's
    own wrapper of `call` would count it as a success whatever the ack says.)"""
    with user.environment.events.request.measure("WSC", f"{namespace} {event}"):
        ack = socketio.Client.call(user.sio, event, data, namespace=namespace, timeout=timeout)
        if not isinstance(ack, dict) or not ack.get("ok"):
            code = (ack or {}).get("error", {}).get("code") if isinstance(ack, dict) else "no_ack"
            raise AckError(code)
        return ack.get("data")


def received(user: Any, name: str, started: float | None = None, length: int = 0) -> None:
    """Record a server event; with `started`, its delay since the client did what caused it."""
    elapsed = (time.perf_counter() - started) * 1000 if started is not None else 0
    user.environment.events.request.fire(
        request_type="WSR", name=name, response_time=elapsed, response_length=length, exception=None, context={}
    )


def measured(user: Any, request_type: str, name: str, started: float, exception: Exception | None = None) -> None:
    """Record a whole client flow (an app start, a resync) as one entry, timed from `started`."""
    user.environment.events.request.fire(
        request_type=request_type,
        name=name,
        response_time=(time.perf_counter() - started) * 1000,
        response_length=0,
        exception=exception,
        context={},
    )
