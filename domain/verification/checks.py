"""The port for external checks (an identity verification provider, the DBS Update Service
status check). The composition root plugs in a real adapter; tests and the demo use `FakeChecks`.
Results are stored with their source and time (`ExternalCheck`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class CheckResult:
    source: str  # e.g. "identity_provider", "dbs_update_service"
    outcome: str  # clear, not_clear, unavailable
    detail: str = ""


class ExternalChecks(Protocol):
    async def check(self, kind: str, details: dict[str, Any], number: str) -> CheckResult | None:
        """The result for a submitted document, or None when no external source covers its kind."""
        ...


class FakeChecks:
    """Clear for every identity document and every DBS certificate on the Update Service,
    unless its number ends in "0000" (a test's way to ask for a failed check)."""

    SOURCES = {"photo_id": "identity_provider", "dbs": "dbs_update_service"}

    async def check(self, kind: str, details: dict[str, Any], number: str) -> CheckResult | None:
        source = self.SOURCES.get(kind)
        if source is None or (kind == "dbs" and not details.get("update_service")):
            return None
        if number.endswith("0000"):
            return CheckResult(source, "not_clear", "the source holds no matching record")
        return CheckResult(source, "clear")
