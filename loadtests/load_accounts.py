"""The seeded load-test accounts (`fieldsync seed-load --users N`, app/seed_load.py): one per
simulated user, so no two users share a login, a device or a sync client.

Account i is `load-user-{i}@load.fieldsync.dev` with one password; its role follows from i
exactly as in app/seed_load.py (`role_of`; tests/test_loadtests.py checks the two agree).
Pure Python on purpose: the test imports it without Locust (which patches the process).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

DOMAIN = os.environ.get("LOAD_DOMAIN", "load.fieldsync.dev")
PASSWORD = os.environ.get("LOAD_PASSWORD", "load-password-1")  # the load seed's (refused in production)
CUSTOMER, SERVICEMAN, PROVIDER = "customer", "serviceman", "provider"


def role_of(index: int) -> str:
    """Six customers, three servicemen and one provider in every ten accounts."""
    slot = index % 10
    return CUSTOMER if slot < 6 else SERVICEMAN if slot < 9 else PROVIDER


def email_of(index: int) -> str:
    return f"load-user-{index}@{DOMAIN}"


class Accounts:
    """Hands each simulated user an account of its own, of the role it asks for (or the next one
    in the seed's proportions). Past the seeded count it wraps around, sharing accounts."""

    def __init__(self, seeded: int) -> None:
        self.seeded = max(1, seeded)
        self._mix = itertools.count()
        self._next: dict[str, Iterator[int]] = {}
        self.wrapped = False

    def take(self, role: str | None = None) -> tuple[int, str]:
        role = role or role_of(next(self._mix))
        indices = self._next.setdefault(role, self._indices(role))
        return next(indices), role

    def _indices(self, role: str) -> Iterator[int]:
        mine = [i for i in range(self.seeded) if role_of(i) == role] or list(range(self.seeded))
        for lap in itertools.count():
            if lap:
                self.wrapped = True
            yield from mine


# LOAD_ACCOUNTS: how many `seed-load` made (default LOAD_USERS, the users of this run).
ACCOUNTS = Accounts(int(os.environ.get("LOAD_ACCOUNTS") or os.environ.get("LOAD_USERS") or 20))
