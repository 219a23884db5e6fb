"""Erasure on the demo's SQLite (tests/sqlite_app.py builds the same app on a fresh file): the
registry's rules and the scrub run there too (the op log's superseded images and the outbox's
rows about the person are pruned on PostgreSQL only)."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_privacy_requests import (
    test_an_erased_account_is_gone_from_its_rows_and_cannot_log_in,
    test_an_erasure_cancelled_within_the_grace_period_never_runs,
)
