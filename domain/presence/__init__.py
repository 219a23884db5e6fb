"""Presence rules: whose presence a user may see. Where presence lives and how it is kept is
an adapter's business (realtime/presence.py)."""
