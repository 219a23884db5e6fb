"""The one disputes service the composition root builds: the parties' use cases (services.py),
the admin's (admin.py) and the SLA timers (timers.py), layered by file to keep each small."""

from __future__ import annotations

from domain.disputes.timers import DisputeTimers


class DisputeService(DisputeTimers):
    """Everything disputes do; construct with the payment cases and `DisputeRules`."""
