"""HTTP request metrics. Labels use the route's template (`/v1/jobs/{id}`), never the raw
path, so a scan of random URLs cannot blow up the number of time series."""

from __future__ import annotations

from aiohttp import web
from prometheus_client import Counter, Gauge, Histogram

from infra.metrics import labelled

UNMATCHED = "unmatched"
_KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "fieldsync_http_requests_total",
    "HTTP requests by method, route template and status.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "fieldsync_http_request_duration_seconds",
    "HTTP request latency by method and route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
# Set by each /readyz answer (the proxy asks every few seconds): 0 while this replica is out of rotation.
READY = Gauge("fieldsync_ready", "1 while /readyz answers 200 (the routing checks pass), 0 while it answers 503")


def route_label(request: web.Request) -> str:
    """The canonical template of the matched resource, or "unmatched" (404s, 405s)."""
    match_info = request.match_info
    if match_info.http_exception is not None:
        return UNMATCHED
    resource = match_info.route.resource
    return resource.canonical if resource is not None else UNMATCHED


def method_label(method: str) -> str:
    return method if method in _KNOWN_METHODS else "OTHER"


def observe(request: web.Request, status: int, seconds: float, *, timed: bool = True) -> None:
    method, route = method_label(request.method), route_label(request)
    labelled(REQUESTS, method, route, str(status)).inc()  # bounded: route templates, few methods and statuses
    if timed:
        labelled(LATENCY, method, route).observe(seconds)
