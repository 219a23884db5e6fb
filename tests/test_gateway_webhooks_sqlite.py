"""The webhook inbox on SQLite (the `./dev run` demo): stored once, refused when forged, the
sandbox's own events delivered, the worker applying each once."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_gateway_webhooks import (
    test_a_failing_handler_is_retried_later_then_marked_failed,
    test_forged_stale_or_unsigned_webhooks_are_refused_and_nothing_is_stored,
    test_the_same_event_posted_20_times_at_once_is_stored_once,
    test_the_sandbox_delivers_its_signed_events_to_our_inbox,
    test_the_worker_applies_each_stored_event_once,
)
