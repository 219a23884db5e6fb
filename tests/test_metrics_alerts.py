"""The monitoring shipped with the compose file (docker/prometheus, docker/grafana) names only
metrics the app exports: every metric an alert rule or a dashboard panel queries is in a real
app's /metrics, and the rules file has the shape Prometheus loads (promtool is not installed
here, so the structure is checked instead)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from tests.support.metrics import exposed_names, scrape

DOCKER = Path(__file__).resolve().parent.parent / "docker"
ALERTS = DOCKER / "prometheus" / "alerts.yml"
DASHBOARDS = sorted((DOCKER / "grafana" / "dashboards").glob("*.json"))
# Series Prometheus makes itself for each target, not the app.
PROMETHEUS_OWN = {"up", "scrape_duration_seconds", "scrape_samples_scraped"}
# What the issue asks the rules to cover (issue 17): the metric each alert stands on.
REQUIRED_ALERTS = {
    "outbox lag": "fieldsync_outbox_lag_seconds",
    "push lag": "fieldsync_push_queue_lag_seconds",
    "failed jobs": "fieldsync_job_failures_total",
    "failed pushes": "fieldsync_push_jobs_failed_total",
    "5xx rate": "fieldsync_http_requests_total",
    "readiness": "fieldsync_ready",
    "event-loop lag": "fieldsync_event_loop_lag_seconds_bucket",
    "reconciliation mismatch": "fieldsync_finance_reconciliation_open_mismatches",
    "retention purge not run": "fieldsync_retention_last_run_timestamp_seconds",
}

# PromQL words that are not metric names: aggregations, functions are followed by "(" anyway.
_KEYWORDS = {
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "bool",
    "and",
    "or",
    "unless",
    "offset",
    "inf",
    "nan",
}
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_MATCHERS = re.compile(r"\{[^}]*\}")
_RANGES = re.compile(r"\[[^\]]*\]")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_IDENTIFIER = re.compile(r"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?")


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression reads: identifiers that are not functions (followed
    by "("), keywords, label names (inside {...} or by (...)) or numbers' units."""
    text = _STRINGS.sub('""', expr)
    text = _MATCHERS.sub("", text)
    text = _RANGES.sub("", text)
    text = _GROUPING.sub("", text)
    names = set()
    for match in _IDENTIFIER.finditer(text):
        name, call = match.group(1), match.group(2)
        if call or name.lower() in _KEYWORDS:
            continue
        names.add(name)
    return names


def test_metric_names_are_read_from_promql() -> None:
    expr = (
        'histogram_quantile(0.99, sum by (instance, le) (rate(a_seconds_bucket{x=~"5.."}[5m]))) > 0.25 '
        "and on(instance) b_total offset 5m / ignoring(kind) group_left c unless up == 0"
    )
    assert metric_names(expr) == {"a_seconds_bucket", "b_total", "c", "up"}


def load_rules() -> list[dict[str, Any]]:
    document = yaml.safe_load(ALERTS.read_text())
    assert set(document) == {"groups"}, "a rules file holds groups only"
    rules: list[dict[str, Any]] = []
    group_names = [group["name"] for group in document["groups"]]
    assert len(group_names) == len(set(group_names)), "group names are unique"
    for group in document["groups"]:
        assert set(group) <= {"name", "interval", "rules", "limit"}, group.get("name")
        assert isinstance(group["name"], str) and group["rules"], group
        rules.extend(group["rules"])
    return rules


def test_the_rules_file_has_the_shape_prometheus_loads() -> None:
    rules = load_rules()
    names = [rule["alert"] for rule in rules]
    assert len(names) == len(set(names)), "alert names are unique"
    duration = re.compile(r"^(\d+(ms|s|m|h|d|w|y))+$")
    for rule in rules:
        assert set(rule) <= {"alert", "expr", "for", "keep_firing_for", "labels", "annotations"}, rule
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", rule["alert"]), rule["alert"]
        assert isinstance(rule["expr"], str) and rule["expr"].strip(), rule["alert"]
        assert rule["expr"].count("(") == rule["expr"].count(")"), rule["alert"]
        if "for" in rule:
            assert duration.match(rule["for"]), rule
        assert rule["labels"]["severity"] in ("page", "warning"), rule["alert"]
        assert all(isinstance(v, str) for v in rule["labels"].values())
        assert rule["annotations"]["summary"] and rule["annotations"]["description"], rule["alert"]
        for text in rule["annotations"].values():
            assert text.count("{{") == text.count("}}"), rule["alert"]


def test_the_rules_cover_what_operators_asked_for() -> None:
    read = set().union(*(metric_names(rule["expr"]) for rule in load_rules()))
    missing = {what: name for what, name in REQUIRED_ALERTS.items() if name not in read}
    assert missing == {}


def dashboard_exprs() -> list[tuple[str, str]]:
    found = []
    for path in DASHBOARDS:
        dashboard = json.loads(path.read_text())
        assert dashboard["uid"] and dashboard["title"]
        for panel in dashboard["panels"]:
            for target in panel.get("targets", []):
                found.append((f"{path.name}: {panel['title']}", target["expr"]))
    return found


def test_the_dashboard_is_provisioned_from_the_compose_file() -> None:
    compose = yaml.safe_load((DOCKER / "compose.yml").read_text())
    grafana, prometheus = compose["services"]["grafana"], compose["services"]["prometheus"]
    assert grafana["profiles"] == prometheus["profiles"] == ["observability"]
    mounts = {volume.split(":")[1]: volume.split(":")[0] for volume in grafana["volumes"] if volume.startswith(".")}
    assert (DOCKER / mounts["/var/lib/grafana/dashboards"]).resolve() == DASHBOARDS[0].parent
    provider = yaml.safe_load(
        (DOCKER / mounts["/etc/grafana/provisioning"] / "dashboards" / "fieldsync.yml").read_text()
    )
    assert provider["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards"
    mounted = {volume.split(":")[1]: volume.split(":")[0] for volume in prometheus["volumes"] if volume.startswith(".")}
    config = yaml.safe_load((DOCKER / mounted["/etc/prometheus/prometheus.yml"]).read_text())
    assert (DOCKER / mounted[config["rule_files"][0]]).resolve() == ALERTS
    targets = config["scrape_configs"][0]["static_configs"][0]["targets"]
    assert sorted(targets) == ["app1:8080", "app2:8080"]  # the replicas themselves: the proxy refuses /metrics
    assert dashboard_exprs(), "the dashboard has panels"


@pytest.mark.parametrize("source", ["alerts", "dashboard"])
async def test_every_metric_queried_exists_in_the_apps_metrics(client, source: str) -> None:
    await client.get("/v1/meta")
    await client.get("/readyz")
    exposed = exposed_names(await scrape(client)) | PROMETHEUS_OWN
    if source == "alerts":
        queried = [(rule["alert"], rule["expr"]) for rule in load_rules()]
    else:
        queried = dashboard_exprs()
    unknown = {where: sorted(metric_names(expr) - exposed) for where, expr in queried if metric_names(expr) - exposed}
    assert unknown == {}
    assert all(metric_names(expr) for _, expr in queried), "every query reads a metric"


async def test_every_exported_metric_is_documented(client) -> None:
    docs = "\n".join(path.read_text() for path in (DOCKER.parent / "docs").glob("*.md"))
    exposed = {family.name: family.type for family in text_string_to_metric_families(await scrape(client))}
    undocumented = sorted(
        name
        for name, kind in exposed.items()
        if name.startswith("fieldsync_")
        and not any(f"{name}{suffix}`" in docs or f"{name}{suffix}{{" in docs for suffix in ("", "_total", "_info"))
    )
    assert undocumented == []
