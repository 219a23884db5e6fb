"""Chargebacks, refunds after payout and the gateway's fees on SQLite (the `./dev run` demo) with
the sandbox gateway: the same bookings, holds, losses and reconciliation verdicts."""

# ruff: noqa: F401 - the imported tests and fixtures are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_finance_chargebacks import (
    sandbox_world,
    test_a_chargeback_after_payout_holds_the_next_release_and_won_gives_it_back,
    test_a_chargeback_on_held_money_freezes_the_release_until_it_is_won,
    test_a_lost_chargeback_is_the_payees_receivable_paid_by_the_held_release,
)
from tests.test_finance_clawback import test_the_gateways_fee_on_a_charge_is_booked_and_reconciles
