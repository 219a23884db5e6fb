"""What the sandbox tells of a test card beyond yes or no."""

from __future__ import annotations


def card_country(payment_method: str) -> str | None:
    """The card's country: Stripe's country test cards end in it (`pm_card_fr`, `pm_card_gb`);
    other test cards say nothing (as a card without the field would)."""
    tail = payment_method.rsplit("_", 1)[-1]
    return tail.upper() if payment_method.startswith("pm_card_") and len(tail) == 2 and tail.isalpha() else None
