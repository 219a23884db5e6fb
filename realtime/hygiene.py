"""Per-socket limits: token buckets per event, and the size of an event as the client sent it.

Rate limits live in this process's memory, per socket: a socket is served by one process, so
nothing needs sharing, and a client that opens more sockets is bounded by the connection
limits in front of us and by the per-user REST limits.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class RateLimit:
    """`per_second` tokens refill continuously up to `burst`; each event takes one."""

    per_second: float
    burst: int


class TokenBucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, burst: int, now: float) -> None:
        self.tokens = float(burst)
        self.stamp = now

    def take(self, limit: RateLimit, now: float) -> float | None:
        """None when the event may go ahead, else the seconds until a token is back."""
        self.tokens = min(float(limit.burst), self.tokens + (now - self.stamp) * limit.per_second)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return None
        return (1.0 - self.tokens) / limit.per_second


class SocketRateLimiter:
    """Buckets per (socket, event). Events without a limit of their own use `default`; every
    event name no handler knows shares one bucket, so a client cannot grow the table."""

    def __init__(self, default: RateLimit, per_event: dict[str, RateLimit] | None = None) -> None:
        self.default = default
        self.per_event = dict(per_event or {})
        self._buckets: dict[str, dict[str, TokenBucket]] = {}

    def check(self, sid: str, event: str, now: float | None = None) -> float | None:
        now = time.monotonic() if now is None else now
        limit = self.per_event.get(event, self.default)
        buckets = self._buckets.setdefault(sid, {})
        bucket = buckets.get(event)
        if bucket is None:
            bucket = buckets[event] = TokenBucket(limit.burst, now)
        return bucket.take(limit, now)

    def forget(self, sid: str) -> None:
        self._buckets.pop(sid, None)

    def __len__(self) -> int:
        return len(self._buckets)


# A Socket.IO packet's header: type, attachment count of a binary packet, namespace, ack id.
_HEADER = re.compile(r"(\d)(?:(\d+)-)?(/[^,]*,)?(\d+)?")
EVENT, ACK, BINARY_EVENT, BINARY_ACK = 2, 3, 5, 6


@dataclass(frozen=True)
class PacketHeader:
    packet_type: int
    attachments: int
    namespace: str
    ack_id: int | None


def parse_header(encoded: str) -> PacketHeader | None:
    """Read the header without decoding the JSON body (which may be the thing we refuse)."""
    match = _HEADER.match(encoded)
    if match is None:
        return None
    packet_type, attachments, namespace, ack_id = match.groups()
    return PacketHeader(
        packet_type=int(packet_type),
        attachments=int(attachments or 0),
        namespace=namespace[:-1].split("?", 1)[0] if namespace else "/",  # as python-socketio reads it
        ack_id=int(ack_id) if ack_id and len(ack_id) < 16 else None,
    )


def exceeds(text: str, limit: int) -> bool:
    """Whether `text` is over `limit` bytes in UTF-8, without encoding it when the answer is
    clear from its length (a character is one to four bytes)."""
    length = len(text)
    if length > limit:
        return True
    if length * 4 <= limit:
        return False
    return len(text.encode()) > limit
