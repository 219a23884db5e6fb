"""Promotional credit at checkout on SQLite (the `./dev run` demo): the same reservations,
captures, voids, refunds credit-last and the same minimum charge."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_promo_checkout import (
    test_a_void_or_a_declined_card_gives_the_credit_back_and_opting_out_keeps_it,
    test_credit_never_brings_the_card_below_the_gateways_minimum,
    test_credit_pays_part_of_the_checkout_and_the_provider_is_paid_in_full,
    test_refunds_give_card_money_back_first_and_credit_last,
    test_two_checkouts_at_once_never_spend_the_same_credit_twice,
    world,
)
