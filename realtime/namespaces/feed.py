"""Namespace `/feed`: the job feed of a provider's zones (`feed:subscribe`, `feed:item`).

Its events arrive in later issues.
"""

from __future__ import annotations

from realtime.base import AuthenticatedNamespace


class FeedNamespace(AuthenticatedNamespace):
    NAME = "/feed"
