"""Revocation reaches live sockets: a logout, password or role change disconnects the user's
sockets on every process (PROTOCOL.md section 2). The store broadcasts each revocation to
every process; each one disconnects the sockets it holds: those of the revoked session, or,
for a user-wide revocation, those whose token was issued before it (a revocation replayed
after a listener outage must not close a socket that logged in again since)."""

from __future__ import annotations

import socketio
import structlog

from domain.accounts.revocation import Revocation, RevocationStore
from realtime.rooms import user_room

log = structlog.get_logger(__name__)


def disconnect_on_revocation(sio: socketio.AsyncServer, store: RevocationStore) -> None:
    async def on_revoked(revocation: Revocation) -> None:
        count = 0
        for namespace in list(sio.manager.get_namespaces()):
            room = user_room(revocation.user_id)
            for sid, _eio_sid in list(sio.manager.get_participants(namespace, room)):
                session = await sio.get_session(sid, namespace=namespace)
                if not revocation.ends(session.get("issued_at_ms"), session.get("session_id")):
                    continue
                # A Socket.IO DISCONNECT ("io server disconnect"): clients must not reconnect
                # on their own with a token that no longer works.
                await sio.disconnect(sid, namespace=namespace, ignore_queue=True)
                count += 1
        if count:
            log.info("sockets_revoked", user_id=revocation.user_id, session_id=revocation.session_id, sockets=count)

    store.listen(on_revoked)
