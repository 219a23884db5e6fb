"""The flags the server itself reads, with their kinds and built-in defaults: a key without a
stored row evaluates to its default here. Admins may add others (client features, remote
config); these keep their kinds."""

from __future__ import annotations

from domain.flags.models import FlagKind
from domain.flags.rules import PLATFORMS, Definition

CHECKOUT = "checkout.enabled"
MESSAGING_SEND = "messaging.send.enabled"
MAINTENANCE = "maintenance.enabled"
MAINTENANCE_RETRY_AFTER = "maintenance.retry_after_seconds"
MAINTENANCE_MESSAGE = "maintenance.message"
FEATURE_RETRY_AFTER = "features.retry_after_seconds"


def min_version_key(platform: str) -> str:
    return f"app.min_version.{platform}"


def store_url_key(platform: str) -> str:
    return f"app.store_url.{platform}"


_STORES = {
    "android": "https://play.google.com/store/apps/details?id=dev.fieldsync.app",
    "ios": "https://apps.apple.com/app/fieldsync/id0000000000",
    "web": "https://app.fieldsync.dev/",
}

BUILTIN: dict[str, Definition] = {d.key: d for d in (
    Definition(CHECKOUT, FlagKind.BOOL, True, description="kill switch: checkout of bookings (payments)"),
    Definition(MESSAGING_SEND, FlagKind.BOOL, True, description="kill switch: sending messages"),
    Definition(MAINTENANCE, FlagKind.BOOL, False,
               description="maintenance mode: writes answer 503 `maintenance`, reads keep working"),
    Definition(MAINTENANCE_RETRY_AFTER, FlagKind.INT, 300, description="Retry-After of maintenance answers"),
    Definition(MAINTENANCE_MESSAGE, FlagKind.STRING, "", description="what apps show during maintenance"),
    Definition(FEATURE_RETRY_AFTER, FlagKind.INT, 300, description="Retry-After of `feature_disabled` answers"),
    *(Definition(min_version_key(p), FlagKind.STRING, "",
                 description=f"the oldest {p} app version served (empty: any); older ones get upgrade_required")
      for p in PLATFORMS),
    *(Definition(store_url_key(p), FlagKind.STRING, _STORES[p], description=f"where a {p} app is updated")
      for p in PLATFORMS),
)}
