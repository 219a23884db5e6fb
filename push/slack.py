"""Operator alerts to a Slack incoming webhook (domain/shared/alerts.py): one JSON POST per
alert, a plain `text` (what notifications and old clients show) and blocks with its fields. A
failure raises: the fan-out logs and counts it (the log destination still has the alert)."""

from __future__ import annotations

from typing import Any

import aiohttp

from domain.shared.alerts import Alert, Severity

ICON = {Severity.CRITICAL: ":rotating_light:", Severity.WARNING: ":warning:"}


def message(alert: Alert) -> dict[str, Any]:
    headline = f"{ICON[alert.severity]} {alert.title}"
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*{headline}*\n{alert.text}"}}]
    if alert.fields:
        blocks.append({"type": "section", "fields": [{"type": "mrkdwn", "text": f"*{name}*\n{value}"}
                                                     for name, value in list(alert.fields.items())[:10]]})
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"{alert.kind} · {alert.key}"}]})
    return {"text": f"{headline}: {alert.text}", "blocks": blocks}


class SlackWebhookAlerts:
    def __init__(self, url: str, timeout_seconds: float = 10.0) -> None:
        self._url = url
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    async def raise_alert(self, alert: Alert) -> None:
        async with aiohttp.ClientSession(timeout=self._timeout) as session, \
                session.post(self._url, json=message(alert)) as response:
            if response.status >= 300:
                raise RuntimeError(f"Slack webhook answered {response.status}: {(await response.text())[:200]}")
