"""argon2id password hashing. Hashing costs ~0.1 s of CPU: it runs in a worker thread so
the event loop keeps serving sockets meanwhile (STACK.md)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from domain.shared.errors import ValidationFailed

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 takes anything, but a megabyte password is a denial of service


@dataclass(frozen=True)
class Argon2Params:
    time_cost: int = 3
    memory_cost_kib: int = 65536
    parallelism: int = 4


class Passwords:
    def __init__(self, params: Argon2Params) -> None:
        self._hasher = PasswordHasher(
            time_cost=params.time_cost,
            memory_cost=params.memory_cost_kib,
            parallelism=params.parallelism,
            type=Type.ID,
        )
        # Verified against when the email is unknown, so both paths cost the same time.
        self._dummy_hash = self._hasher.hash("not-a-real-password-only-for-timing")

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._hasher.hash, password)

    async def verify(self, stored_hash: str | None, password: str) -> bool:
        return await asyncio.to_thread(self._verify, stored_hash or self._dummy_hash, password) and bool(stored_hash)

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._hasher.check_needs_rehash(stored_hash)

    def _verify(self, stored_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def check_policy(password: str, *, email: str = "", name: str = "") -> None:
    """A minimum policy: long enough, not trivially the account's own identity."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"must be at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        problems.append(f"must be at most {MAX_LENGTH} characters")
    lowered = password.lower()
    if (email and lowered == email.lower()) or (name and lowered == name.lower()):
        problems.append("must not be your email or name")
    if len(set(password)) < 4:
        problems.append("must use at least 4 different characters")
    if problems:
        raise ValidationFailed(
            "The password does not meet the policy.",
            errors=[{"field": "password", "message": p, "type": "password_policy"} for p in problems],
        )
