"""Data residency (issue 18): the region a row's personal data belongs to.

A user's region comes from the allow-list in settings (REGIONS, DEFAULT_REGION); every other
regional row takes its owner's at creation and keeps it: an organisation its owner's, a booking
its customer's, a conversation its booking's (else its job's customer's, else its user's), a
payment case its booking's, a payout its payee's. Exports and the event streams carry it, so a
warehouse feed can route by it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.shared.errors import ValidationFailed

REGION_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,15}$")
# The tables that carry a region, with how it is inherited (the backfill, app/migrate.py).
REGIONAL_TABLES = ("user_account", "organisation", "booking", "conversation", "payment_case", "payout")


@dataclass(frozen=True)
class Regions:
    allowed: tuple[str, ...] = ("eu", "uk", "us")
    default: str = "eu"

    def check(self, value: str | None) -> str:
        """The region to store for `value` (None or blank: the default); 422 outside the list."""
        region = (value or "").strip().lower() or self.default
        if region not in self.allowed:
            raise ValidationFailed(
                f"Region {region!r} is not offered here; choose one of: {', '.join(self.allowed)}.",
                errors=[{"field": "region", "message": f"must be one of: {', '.join(self.allowed)}", "type": "enum"}],
            )
        return region

    def known(self, value: str | None) -> str:
        """`value` when it is an allowed region, else the default (a row whose owner has none)."""
        return value if value in self.allowed else self.default
