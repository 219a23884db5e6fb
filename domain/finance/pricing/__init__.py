"""Pricing (issue 13, item 1): configurable commission, tax and cancellation rules, quotes, and
the breakdown frozen on a booking. Importing the package plugs its pricer into bookings
(domain/bookings/pricing.py); Tortoise imports it with the models (app/db.py)."""

from domain.finance.pricing import quotes as quotes
