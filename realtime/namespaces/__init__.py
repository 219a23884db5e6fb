"""One module per namespace; all of them authenticate (realtime/base.py)."""

from __future__ import annotations

from realtime.base import AuthenticatedNamespace
from realtime.deps import RealtimeDeps
from realtime.namespaces.disputes import DisputesNamespace
from realtime.namespaces.feed import FeedNamespace
from realtime.namespaces.messaging import MessagingNamespace
from realtime.namespaces.presence import PresenceNamespace
from realtime.namespaces.root import RootNamespace

NAMESPACE_CLASSES: tuple[type[AuthenticatedNamespace], ...] = (
    RootNamespace,
    FeedNamespace,
    MessagingNamespace,
    PresenceNamespace,
    DisputesNamespace,
)
NAMESPACES: tuple[str, ...] = tuple(cls.NAME for cls in NAMESPACE_CLASSES)


def build_namespaces(deps: RealtimeDeps) -> list[AuthenticatedNamespace]:
    return [cls(cls.NAME, deps) for cls in NAMESPACE_CLASSES]
