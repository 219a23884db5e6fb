"""Namespace `/presence`: who is online (`presence:subscribe`, `presence:set`, `presence:update`).

Its events arrive in later issues.
"""

from __future__ import annotations

from realtime.base import AuthenticatedNamespace


class PresenceNamespace(AuthenticatedNamespace):
    NAME = "/presence"
