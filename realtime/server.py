"""The Socket.IO server attached to the aiohttp app at /socket.io/."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import socketio
from aiohttp import web

from domain.accounts.tokens import TokenSigner


@dataclass(frozen=True)
class RealtimeDeps:
    settings: Any  # app.settings.Settings
    signer: TokenSigner


SIO = web.AppKey("socketio_server", socketio.AsyncServer)


def setup_realtime(app: web.Application, deps: RealtimeDeps) -> socketio.AsyncServer:
    sio = socketio.AsyncServer(async_mode="aiohttp")
    sio.attach(app)
    app[SIO] = sio
    return sio
