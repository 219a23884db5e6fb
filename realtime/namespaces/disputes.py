"""Namespace `/disputes`: dispute timelines (`dispute:watch`, `dispute:update`).

Its events arrive in later issues.
"""

from __future__ import annotations

from realtime.base import AuthenticatedNamespace


class DisputesNamespace(AuthenticatedNamespace):
    NAME = "/disputes"
