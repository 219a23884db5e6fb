"""Disputes on SQLite (the `./dev run` demo): the same tests, the same code (no row locks there:
SQLite runs one writer at a time, and unique keys decide)."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_disputes import (
    test_a_dispute_freezes_the_release_escalates_and_an_admin_split_books_exactly,
    test_an_accepted_offer_settles_and_a_declined_one_does_not,
    test_the_admin_deadline_applies_the_default_outcome_after_a_reminder,
    test_the_claim_the_window_and_one_open_dispute_per_user,
    world,
)
