"""Locust scenarios that look like the apps, each simulated user on a seeded account of its own.

    fieldsync seed-load --users 500       # against the server's database, once
    LOAD_USERS=500 LOAD_TIME=2m ./dev load

- `AppUser` (the bulk): the offline-first app start (login → device → sync pull until complete
  → socket → feed subscribe), pulls on `sync:poke`, socket sends, pushes of offline mutations,
  resumes with a refreshed token (load_app.py).
- Messaging socket and REST users (load_messaging.py); the live feed's socket and REST
  readers and the customers posting what fills it (load_feed.py).
- The shape (load_shape.py): ramp, hold, and a reconnect-and-resync storm (everyone at once,
  as after a rolling restart). The thresholds (load_thresholds.py) fail the run on breach.

The server's per-address limits (RATE_LIMIT_PER_MINUTE, AUTH_RATE_LIMIT_PER_MINUTE) must be
raised for a run from one address (README). Kept out of pytest's collection (testpaths =
tests): Locust monkey-patches the process through gevent.
"""

import load_thresholds  # noqa: F401 - registers the pass/fail check on quitting
from load_app import AppUser
from load_feed import FeedHttpUser, FeedPosterUser, FeedSocketUser
from load_messaging import MessagingHttpUser, MessagingSocketUser
from load_shape import StormShape

__all__ = [
    "AppUser",
    "FeedHttpUser",
    "FeedPosterUser",
    "FeedSocketUser",
    "MessagingHttpUser",
    "MessagingSocketUser",
    "StormShape",
]
