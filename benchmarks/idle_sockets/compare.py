"""The markdown table of an idle-socket run: one row per server and N, ours beside Node's.

    .venv/bin/python benchmarks/idle_sockets/compare.py results.jsonl [more.jsonl ...]
"""

from __future__ import annotations

import json
import sys
from typing import Any


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.1f}{unit}"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    return f"{value}{unit}"


def _ratio(ours: float | None, node: float | None, higher_is_better: bool) -> str:
    if not ours or not node:
        return "-"
    return f"{(ours / node if higher_is_better else node / ours):.2f}x"


def _connect_cpu(row: dict[str, Any]) -> str:
    """CPU ms per connect, the server's / the loader's: on a shared box the two split the cores."""
    server = (row.get("server") or {}).get("cpu_pct_connect")
    rate = row.get("connect", {}).get("conns_per_s")
    ours = f"{server * 10 / rate:.3f}" if server is not None and rate else "-"
    loader = row.get("loader_cpu_ms_per_connect")
    return f"{ours} / {loader:.3f}" if loader is not None else ours


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| N (connected) | server | connects/s | CPU ms per connect (server / loader) | per-conn p50 / p99 ms "
        "| RSS kB/socket (settled / after hold) | CPU % idle hold | CPU % no sockets | disconnects | errors "
        "| load avg start / end |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    node_of: dict[int, dict[str, Any]] = {}
    for row in rows:
        n = row.get("clients_requested", 0)
        server = row.get("server") or {}
        name = str(row.get("label", "")).split("/")[-1]
        if name == "node":
            node_of[n] = row
        conn = row.get("connect", {})
        lines.append(
            f"| {_fmt(n)} ({_fmt(row.get('connected'))}) | {name} | {_fmt(conn.get('conns_per_s'))} "
            f"| {_connect_cpu(row)} | {_fmt(conn.get('per_conn_ms_p50'))} / {_fmt(conn.get('per_conn_ms_p99'))} "
            f"| {_fmt(server.get('rss_kb_per_socket'))} / {_fmt(server.get('rss_kb_per_socket_after_hold'))} "
            f"| {_fmt(server.get('cpu_pct_idle_hold'))} | {_fmt(server.get('cpu_pct_no_sockets'))} "
            f"| {_fmt(row.get('disconnects'))} | {_fmt(row.get('connect_errors'))} "
            f"| {'/'.join(str(x) for x in row.get('loadavg_start', []))} - "
            f"{'/'.join(str(x) for x in row.get('loadavg_end', []))} |"
        )
    ratios = []
    for row in rows:
        n = row.get("clients_requested", 0)
        node = node_of.get(n)
        if node is None or str(row.get("label", "")).endswith("/node"):
            continue
        ours_s, node_s = row.get("server") or {}, node.get("server") or {}
        ratios.append(
            f"| {_fmt(n)} | {str(row.get('label', '')).split('/')[-1]} "
            f"| {_ratio(row['connect'].get('conns_per_s'), node['connect'].get('conns_per_s'), True)} "
            f"| {_ratio(ours_s.get('rss_kb_per_socket'), node_s.get('rss_kb_per_socket'), False)} |"
        )
    if ratios:
        lines += ["", "| N | server | connects/s vs node (>1 better) | RSS/socket vs node (>1 better) |",
                  "|---|---|---|---|", *ratios]
    notes = sorted({note for row in rows for note in row.get("notes", [])})
    lines += [f"\n- {note}" for note in notes]
    return "\n".join(lines)


def main() -> None:
    rows = []
    for path in sys.argv[1:]:
        with open(path) as handle:
            rows += [json.loads(line) for line in handle if line.strip().startswith("{")]
    print(table(rows))


if __name__ == "__main__":
    main()
