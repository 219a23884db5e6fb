"""The retention purge on the demo's SQLite (tests/sqlite_app.py builds the same app on a fresh
file): the dry run and the real run name the same rows, and purged notifications reach the
phones as sync deletes (SQLite's capture triggers)."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_privacy_retention import test_the_dry_run_lists_exactly_what_the_run_deletes
