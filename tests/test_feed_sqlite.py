"""The live feed on SQLite (the `./dev run` demo): there the writer numbers its items itself
(one writer at a time), without the pending table and the sequencer of PostgreSQL. Imported
test functions run here against the app on a fresh SQLite file (tests/sqlite_app.py)."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_feed import (
    test_a_job_that_leaves_bidding_shows_as_closed_in_the_feeds_that_offered_it,
    test_customers_see_bids_and_bookings_and_providers_their_crews_activity,
    test_resuming_after_the_last_seq_delivers_only_newer_items_once,
    test_servicemen_in_the_zone_and_trade_get_new_jobs_live_and_others_nothing,
)

__all__ = ["client", "make_client", "sqlite_template"]
