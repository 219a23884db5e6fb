"""The reconnect-and-resync storm: after a rolling restart every app loses its socket at about
the same moment, reconnects within its backoff and pulls. `STORMS.start()` (called by the load
shape, load_shape.py) wakes every waiting AppUser at once; each then reconnects and pulls."""

from __future__ import annotations

import os

import gevent.event


class Storms:
    def __init__(self, jitter: float) -> None:
        self.generation = 0
        self.jitter = jitter  # seconds over which the apps' reconnects spread
        self._event = gevent.event.Event()

    def start(self) -> None:
        woken, self._event = self._event, gevent.event.Event()
        self.generation += 1
        woken.set()

    def wait(self, seen: int, timeout: float) -> None:
        """Sleep up to `timeout`, or less when a storm newer than `seen` starts."""
        if self.generation == seen:
            self._event.wait(timeout)


STORMS = Storms(float(os.environ.get("LOAD_STORM_JITTER", "3")))
