"""The port through which a service asks whether an action is switched on (a kill switch,
domain/flags). Services take a `FeatureGuard` at construction; None means always on."""

from __future__ import annotations

from typing import Protocol

from domain.shared.context import Actor


class FeatureGuard(Protocol):
    async def require(self, feature: str, actor: Actor | None = None) -> None:
        """Return when `feature` (a bool flag's key, e.g. `checkout.enabled`) is on for this
        actor; raise FeatureDisabled (503, code `feature_disabled`) otherwise."""
