"""Namespace `/messaging`: conversations (`message:send`, `message:new`, `message:read`, `typing`).

Its events arrive in later issues.
"""

from __future__ import annotations

from realtime.base import AuthenticatedNamespace


class MessagingNamespace(AuthenticatedNamespace):
    NAME = "/messaging"
