"""Room names, in one place so an emitter and a namespace cannot disagree on spelling."""

from __future__ import annotations


def user_room(user_id: str) -> str:
    """Every socket of a user, on every device, joins this room on each namespace."""
    return f"user:{user_id}"


def presence_room(user_id: str) -> str:
    """Sockets watching a user's presence (on /presence), joined after the policy allowed it."""
    return f"presence:{user_id}"
