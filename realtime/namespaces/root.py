"""Namespace `/`: sync pokes (`sync:poke`): the durable path's doorbell.

Its events arrive in later issues.
"""

from __future__ import annotations

from realtime.base import AuthenticatedNamespace


class RootNamespace(AuthenticatedNamespace):
    NAME = "/"
