"""Socket metrics, exported on /metrics through the default prometheus registry.

Label values are bounded: namespaces are ours, an event a client sends that no handler knows
is counted as "unknown", and server events are named by our code.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge

SOCKETS_OPEN = Gauge("fieldsync_sockets_open", "Authenticated sockets open on this process", ["namespace"])
CONNECTS_REFUSED = Counter(
    "fieldsync_socket_connects_refused_total", "Socket.IO connections refused at authentication", ["namespace"]
)
EVENTS_IN = Counter(
    "fieldsync_socket_events_in_total",
    "Client events handled, by outcome (ok or the error code of the ack)",
    ["namespace", "event", "outcome"],
)
EVENTS_OUT = Counter(
    "fieldsync_socket_events_out_total", "Server events handed to sockets (one per recipient)", ["namespace", "event"]
)
DROPS = Counter(
    "fieldsync_socket_drops_total",
    "Client events refused (rate_limited, payload_too_large, binary) and clients dropped (slow_consumer)",
    ["namespace", "reason"],
)
