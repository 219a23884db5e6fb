"""Payouts on SQLite (the `./dev run` demo) with the sandbox gateway: on-demand limits with a
receivable netted first, the daily schedule, crew splits frozen on bookings, no IDOR, promo credit,
payout eligibility on the profiles."""

# ruff: noqa: F401 - the imported tests and fixtures are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_payout_views import (
    test_nobody_reads_or_changes_another_payees_payouts,
    test_payout_eligibility_shows_on_the_profiles_to_the_payee_and_the_org_admins_only,
    test_promotional_credit_is_ledgered_visible_and_not_withdrawable,
)
from tests.test_payouts import (
    sandbox_world,
    test_a_daily_schedule_pays_once_per_day,
    test_on_demand_payouts_stay_within_the_limits,
)
from tests.test_payouts_splits import test_the_crew_split_decides_the_payees_frozen_on_a_booking
