"""Presence: whose presence a user may see (visibility.py), the store contract and its value
types (store.py), and the in-process store (memory.py). The Redis store is an outbound adapter
(infra/presence.py); the live bookkeeping of sockets is realtime's (realtime/presence_tracker.py)."""
