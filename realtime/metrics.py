"""Socket metrics, exported on /metrics through the default prometheus registry."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

SOCKETS_OPEN = Gauge("fieldsync_sockets_open", "Authenticated sockets open on this process", ["namespace"])
CONNECTS_REFUSED = Counter(
    "fieldsync_socket_connects_refused_total", "Socket.IO connections refused at authentication", ["namespace"]
)
