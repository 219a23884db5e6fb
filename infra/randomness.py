"""Random ids from the system's randomness, read 4 KiB at a time.

`os.urandom` (and `secrets`, which calls it) is one getrandom() system call per call. A new
socket took two for ids alone (its Engine.IO session id, its request id), ~3 % of the server's
CPU per connect (py-spy, 20,000 connects). The bytes here are the same `os.urandom` bytes,
handed out in order from a buffer, as Node's socket.io does for its session ids (`base64id`).

A forked child starts with a fresh buffer: it must never hand out the bytes its parent does.
"""

from __future__ import annotations

import os
import weakref

_BUFFER_BYTES = 4096


class RandomPool:
    __slots__ = ("__weakref__", "_at", "_buffer")

    def __init__(self) -> None:
        self._buffer = b""
        self._at = 0
        _POOLS.add(self)

    def take(self, count: int) -> bytes:
        """`count` bytes of `os.urandom`, each handed out once."""
        at = self._at
        if at + count > len(self._buffer):
            self._buffer = os.urandom(max(_BUFFER_BYTES, count))
            at = 0
        self._at = at + count
        return self._buffer[at:at + count]

    def forget(self) -> None:
        self._buffer = b""
        self._at = 0


_POOLS: weakref.WeakSet[RandomPool] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for pool in list(_POOLS):
        pool.forget()


os.register_at_fork(after_in_child=_after_fork_in_child)

IDS = RandomPool()  # request ids and socket session ids
