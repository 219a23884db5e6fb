"""Locust scenarios for messaging and the live feed: socket users and HTTP users together.

    ./dev load                      # headless, 20 users for 20 s against http://127.0.0.1:8080
    LOAD_USERS=200 LOAD_TIME=2m ./dev load

Against `./dev run` (the demo dataset: its accounts log in here). Its default per-address
limits (RATE_LIMIT_PER_MINUTE=600 HTTP requests, AUTH_RATE_LIMIT_PER_MINUTE=30 logins) hold a
local run to a few requests a second: for more, start the server with them raised (README).
Kept out of pytest (testpaths = tests): Locust monkey-patches the process through gevent.
"""

from load_feed import FeedHttpUser, FeedPosterUser, FeedSocketUser
from load_messaging import MessagingHttpUser, MessagingSocketUser

__all__ = ["FeedHttpUser", "FeedPosterUser", "FeedSocketUser", "MessagingHttpUser", "MessagingSocketUser"]
