"""Pass or fail: when the run ends, the failure ratio and each request type's p99 are checked
against limits, and a breach makes Locust (and so `./dev load`) exit 1.

- LOAD_MAX_FAILURE_RATIO (default 0.01): failures over requests, all types together.
- p99 limits in ms by the start of the entry's name (first match), overridable as
  LOAD_P99_MS="login=4000,sync/pull=2500,...": the key is matched against "<type> <name>".
"""

from __future__ import annotations

import os
from typing import Any

from locust import events

# Prefix of "<type> <name>" -> p99 limit in ms. WSR entries (server events) time fan-out from
# another user's action or a replay's age, so only the own-send echo is judged among them.
P99_MS: dict[str, float] = {
    "APP start": 15000,  # login (Argon2) + device + snapshot pages + socket + feed subscribe
    "APP resync": 10000,  # after a storm: reconnect behind everyone else, then pull
    "POST /v1/auth/login": 5000,  # Argon2 verification is deliberately slow
    "POST /v1/sync/pull": 3000,
    "POST /v1/sync/push": 3000,
    "WSC ": 3000,
    "WSR message:new (own send)": 3000,
    "WSR ": float("inf"),
    "": 2000,  # any other HTTP request
}


def limits() -> dict[str, float]:
    found = dict(P99_MS)
    for pair in filter(None, os.environ.get("LOAD_P99_MS", "").split(",")):
        key, _, value = pair.partition("=")
        key = key.strip()
        found = {key: float(value), **{k: v for k, v in found.items() if k != key}}  # the caller's match first
    return found


def limit_for(entry: str, table: dict[str, float]) -> float:
    return next(limit for prefix, limit in table.items() if entry.startswith(prefix) or prefix in entry)


@events.quitting.add_listener
def judge(environment: Any, **_kwargs: Any) -> None:
    stats = environment.stats
    table = limits()
    breaches = []
    total = stats.total
    ratio = total.num_failures / total.num_requests if total.num_requests else 1.0
    max_ratio = float(os.environ.get("LOAD_MAX_FAILURE_RATIO", "0.01"))
    if ratio > max_ratio:
        breaches.append(f"failure ratio {ratio:.2%} > {max_ratio:.2%} ({total.num_failures}/{total.num_requests})")
    for entry in stats.entries.values():
        name = f"{entry.method} {entry.name}"
        limit = limit_for(name, table)
        p99 = entry.get_response_time_percentile(0.99) or 0
        if entry.num_requests and p99 > limit:
            breaches.append(f"p99 of {name} {p99:.0f} ms > {limit:.0f} ms")
    if total.num_requests == 0:
        breaches.append("no request was made")
    verdict = "FAIL" if breaches else "PASS"
    print(f"load thresholds: {verdict} (failure ratio {ratio:.2%}, {total.num_requests} requests)", flush=True)
    for breach in breaches:
        print(f"  - {breach}", flush=True)
    environment.process_exit_code = 1 if breaches else 0  # the thresholds decide, not any one failure
