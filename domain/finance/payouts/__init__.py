"""Providers get paid (issue 13 item 7): onboarding, payout preferences and payouts
(services.py), crew split rules (splits.py). Importing the package plugs the crew split into
pricing (the payees frozen on a booking's breakdown), as pricing plugs into bookings; the
container registers the payout destinations with the payment cases and the transfer outcomes
with the operations worker."""

from domain.finance.payouts import splits as splits
from domain.finance.pricing import quotes as _quotes

_quotes.register_split(splits.split_for_booking)
