"""Shared by the Locust scenarios: demo accounts, tokens and measuring socket calls.

Never imported by the service or the tests: Locust monkey-patches the process (gevent).
"""

from __future__ import annotations

import itertools
import os
import time
from typing import Any

import gevent.lock
import requests
import socketio
from locust.env import Environment

PASSWORD = os.environ.get("LOAD_PASSWORD", "demo-password-1")  # the demo seed's (never in production)
DOMAIN = os.environ.get("LOAD_DOMAIN", "demo.fieldsync.dev")
# Demo accounts (app/seed.py) that take part in messaging and the feed; admins are left out.
SENDERS = ("customer", "serviceman", "provider", "enterprise", "pipes", "drains", "sparkle", "mop", "shine")
SERVICEMEN = ("serviceman", "pipes", "drains", "mop", "shine")
TOKEN_MAX_AGE = 600.0  # access tokens live 15 minutes; log in again well before

_tokens: dict[str, tuple[str, str, float]] = {}  # local part -> (user id, token, obtained at)
_lock = gevent.lock.Semaphore()
_next = itertools.count()


def pick(accounts: tuple[str, ...]) -> str:
    """Round robin over the accounts, so a few logins serve every simulated user: the server
    allows AUTH_RATE_LIMIT_PER_MINUTE logins per client address (30 by default)."""
    return accounts[next(_next) % len(accounts)]


def login(host: str, environment: Environment, local: str) -> tuple[str, str]:
    """(user id, access token) of a demo account, logged in once per process and account."""
    with _lock:
        cached = _tokens.get(local)
        if cached is not None and time.monotonic() - cached[2] < TOKEN_MAX_AGE:
            return cached[0], cached[1]
        started = time.perf_counter()
        exception: Exception | None = None
        body: dict[str, Any] = {}
        try:
            response = requests.post(f"{host}/v1/auth/login", json={"email": f"{local}@{DOMAIN}", "password": PASSWORD},
                                     timeout=10)
            response.raise_for_status()
            body = response.json()
        except Exception as exc:
            exception = exc
        environment.events.request.fire(request_type="POST", name="/v1/auth/login (setup)",
                                        response_time=(time.perf_counter() - started) * 1000, response_length=0,
                                        exception=exception, context={})
        if exception is not None:
            raise exception
        _tokens[local] = (body["user"]["id"], body["access_token"], time.monotonic())
        return body["user"]["id"], body["access_token"]


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
    user.environment.events.request.fire(request_type="WSR", name=name, response_time=elapsed,
                                         response_length=length, exception=None, context={})
