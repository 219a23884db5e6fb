"""The run's shape: ramp to LOAD_USERS at LOAD_SPAWN_RATE, hold for LOAD_TIME, and start a
reconnect-and-resync storm (load_storm.py) at each of LOAD_STORM_AT (seconds after the ramp,
comma-separated; default once, at half the hold; `none` for no storm)."""

from __future__ import annotations

import os
import re
import sys

import gevent
from load_storm import STORMS
from load_thresholds import judge
from locust import LoadTestShape

# After the shape ends, users have this long to stop before the run ends without them (a user
# stuck on a server that stopped answering must not keep `./dev load` running for ever).
STOP_GRACE_SECONDS = 30.0


def seconds(text: str) -> float:
    """Locust's run-time spelling: 90, 90s, 2m, 1h30m."""
    if text.strip().isdigit():
        return float(text)
    parts = re.findall(r"(\d+)\s*([hms])", text)
    if not parts:
        raise ValueError(f"not a duration: {text!r}")
    return float(sum(int(n) * {"h": 3600, "m": 60, "s": 1}[unit] for n, unit in parts))


class StormShape(LoadTestShape):
    def __init__(self) -> None:
        super().__init__()
        self.users = int(os.environ.get("LOAD_USERS", "20"))
        self.spawn_rate = float(os.environ.get("LOAD_SPAWN_RATE", "5"))
        self.ramp = self.users / self.spawn_rate
        self.hold = seconds(os.environ.get("LOAD_TIME", "20s"))
        self.ended = False
        storms = os.environ.get("LOAD_STORM_AT", "")
        if storms.strip().lower() == "none":
            self.storms = []
        else:
            self.storms = sorted(seconds(s) for s in storms.split(",") if s.strip()) or [self.hold / 2]

    def tick(self) -> tuple[int, float] | None:
        elapsed = self.get_run_time()
        if elapsed > self.ramp + self.hold:
            if not self.ended:
                self.ended = True
                gevent.spawn_later(STOP_GRACE_SECONDS, self._give_up)
            return None
        while self.storms and elapsed >= self.ramp + self.storms[0]:
            self.storms.pop(0)
            print(f"load: reconnect-and-resync storm at {elapsed:.0f}s", flush=True)
            STORMS.start()
        return self.users, self.spawn_rate

    def _give_up(self) -> None:
        """Users still stopping after the grace: judge the figures so far and end the process."""
        print(f"load: users did not stop within {STOP_GRACE_SECONDS:.0f}s of the end; ending the run", flush=True)
        environment = self.runner.environment
        judge(environment)
        sys.stdout.flush()
        os._exit(environment.process_exit_code or 0)
