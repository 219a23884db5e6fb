"""Markdown comparison of fan-out benchmark results: Node socket.io, plain python-socketio and
Fieldsync side by side, per case, from the JSON lines loadgen.js prints (labels "case/server").

    .venv/bin/python benchmarks/fanout/compare.py META.json RESULTS.jsonl [...]

Several rounds of one case are shown as one column per server with the median of each
metric, and the rounds' delivered msgs/s listed underneath.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

SERVERS = ("node", "py", "fieldsync")
TITLES = {"node": "node socket.io", "py": "python-socketio", "fieldsync": "fieldsync"}
Row = dict[str, Any]

METRICS: list[tuple[str, Callable[[Row], Any]]] = [
    ("delivered msgs/s", lambda r: r["delivered_msgs_per_s"]),
    ("broadcasts/s", lambda r: r["broadcasts_per_s"]),
    ("latency p50 ms", lambda r: r["latency_ms"]["p50"]),
    ("latency p99 ms", lambda r: r["latency_ms"]["p99"]),
    ("latency max ms", lambda r: r["latency_ms"]["max"]),
    ("connect all, wall s", lambda r: r["connect"]["wall_s"]),
    ("server CPU (cores) during broadcast", lambda r: (r.get("server") or {}).get("cpu_util_during_broadcast")),
    ("loadgen CPU (cores) during broadcast", lambda r: r.get("loadgen_cpu_util_during_broadcast")),
    ("server RSS MiB at end", lambda r: (r.get("server") or {}).get("rss_mib_end")),
]


def _median(values: list[Any]) -> Any:
    numbers = [v for v in values if isinstance(v, int | float)]
    if not numbers:
        return None
    return round(statistics.median(numbers), 3)


def _ratio(a: Any, b: Any) -> str:
    if isinstance(a, int | float) and isinstance(b, int | float) and b:
        return f"{a / b:.2f}x"
    return ""


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value >= 1000:
        return f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render(meta: Row, rows: list[Row]) -> str:
    by_case: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        case, _, server = row.get("label", "").partition("/")
        if server in SERVERS:
            by_case[case][server].append(row)
    lines = [
        f"{meta.get('date', '')} | {meta.get('nproc')} cores ({meta.get('cpu')}) | {meta.get('mem_gib')} GiB | "
        f"node {meta.get('node')} | python {meta.get('python')} | load generator on the same box",
    ]
    for case, servers in by_case.items():
        sample = next(iter(servers.values()))[0]
        lines += [
            "",
            f"#### case {case}: {sample['clients']} clients x {sample['messages']} broadcasts, {sample['mode']}",
            "",
            "| metric | " + " | ".join(TITLES[s] for s in SERVERS) + " | fieldsync / node | fieldsync / python |",
            "|---" * (len(SERVERS) + 3) + "|",
        ]
        for name, get in METRICS:
            values = {s: _median([get(r) for r in servers.get(s, [])]) for s in SERVERS}
            ratios = [_ratio(values["fieldsync"], values[other]) for other in ("node", "py")]
            cells = " | ".join(_fmt(values[s]) for s in SERVERS)
            lines.append(f"| {name} | {cells} | " + " | ".join(ratios) + " |")
        faults = {
            s: [f"{r['lost']}/{r['duplicates']}/{r['out_of_order']}/{r['disconnects']}" for r in servers.get(s, [])]
            for s in SERVERS
        }
        lines.append("| lost/dup/out-of-order/disconnects | " + " | ".join(", ".join(faults[s]) or "-" for s in SERVERS)
                     + " | | |")
        rounds = {s: [r["delivered_msgs_per_s"] for r in servers.get(s, [])] for s in SERVERS}
        if max(len(v) for v in rounds.values()) > 1:
            lines.append("| delivered msgs/s, each round | " + " | ".join(", ".join(_fmt(v) for v in rounds[s])
                                                                         for s in SERVERS) + " | | |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    meta = json.loads(Path(argv[0]).read_text() or "{}")
    rows = [json.loads(line) for path in argv[1:] for line in Path(path).read_text().splitlines() if line.strip()]
    print(render(meta, [row for row in rows if not row.get("meta")]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
