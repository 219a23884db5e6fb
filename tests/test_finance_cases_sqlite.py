"""The payment case on SQLite (the `./dev run` demo): the same tests, the same code (no row
locks there: compare-and-set and unique keys decide)."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_finance_cases import (
    test_cancelling_voids_the_authorization_or_refunds_the_capture,
    test_checkout_accept_complete_release_pays_every_party_exactly,
    test_refunds_never_exceed_the_capture,
    test_twenty_completes_the_timer_and_an_admin_release_release_once,
    world,
)
from tests.test_finance_failures import (
    test_a_declined_card_fails_and_a_new_attempt_uses_a_new_key,
    test_an_expired_authorization_is_never_captured,
)
