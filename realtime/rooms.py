"""Room names, in one place so an emitter and a namespace cannot disagree on spelling."""

from __future__ import annotations


def user_room(user_id: str) -> str:
    """Every socket of a user, on every device, joins this room on each namespace."""
    return f"user:{user_id}"


def presence_room(user_id: str) -> str:
    """Sockets watching a user's presence (on /presence), joined after the policy allowed it."""
    return f"presence:{user_id}"


def feed_room(user_id: str, zone_id: str | None = None, *, narrowed: bool = False) -> str:
    """`/feed` sockets of a user: `feed:<user>` (subscribed to every zone); when narrowed,
    `feed:<user>:zone:<zone>` per chosen zone and `feed:<user>:nozone` (items without a zone).
    A socket is in one mode or the other, so an item sent to both of its rooms arrives once."""
    if not narrowed:
        return f"feed:{user_id}"
    return f"feed:{user_id}:zone:{zone_id}" if zone_id else f"feed:{user_id}:nozone"


def dispute_room(dispute_id: str) -> str:
    """`/disputes` sockets of admins watching a dispute they are not assigned to (the parties'
    sockets hear through their user rooms)."""
    return f"dispute:{dispute_id}"
