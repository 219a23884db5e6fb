"""Trust and safety on SQLite (the `./dev run` demo): the same tests, the same code (no row locks
there: SQLite runs one writer at a time, and the unique keys decide)."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_safety_fraud import test_a_card_from_another_country_holds_the_payment_until_an_admin_clears_it
from tests.test_safety_hiding import test_a_review_reported_through_its_own_endpoint_is_hidden_from_the_queue
from tests.test_safety_hiding_text import test_a_scam_bid_hidden_is_rejected_and_its_message_removed_for_the_customer
from tests.test_safety_moderation import (
    test_a_flagged_job_post_and_a_flagged_message_share_the_queue,
    test_each_decision_is_audited_and_the_reported_party_is_told_why,
    test_five_concurrent_reports_of_one_message_make_one_item_counting_five,
)
