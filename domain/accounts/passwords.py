"""argon2id password hashing. A hash costs ~16 ms of CPU (Argon2Params): it runs on a pool
of its own, one thread per core; a serving process also lowers that pool's CPU priority
(`deprioritise_hashing`), so a burst of logins queues for the spare CPU instead of starving the
event loop that serves every socket and request."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from domain.shared.errors import ValidationFailed

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 takes anything, but a megabyte password is a denial of service
_niceness = 0  # Linux nice of the hashing threads (and of the lanes argon2 starts from them)


def deprioritise_hashing(niceness: int = 10) -> None:
    """For `fieldsync serve`, before its first hash: tests and tools keep the normal priority."""
    global _niceness
    _niceness = niceness


def _lower_priority() -> None:
    # Per thread on Linux, inherited by the threads it starts. Elsewhere hashing keeps its priority.
    if _niceness:
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _niceness)


# One per process, shared by every app built in it (the tests build many).
_POOL = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="argon2", initializer=_lower_priority)


@dataclass(frozen=True)
class Argon2Params:
    """OWASP's Password Storage Cheat Sheet configuration: 19 MiB, 2 passes, 1 lane (Spring
    Security and Keycloak default to configurations of the same family). argon2-cffi's own
    default (RFC 9106's 64 MiB, 3 passes, 4 lanes) cost ~8x the CPU (125 ms against 16 ms a
    verification on this project's 2-core machine): a login burst of 5/s took two thirds of both
    cores and starved everything else. Hashes made with other parameters still verify, and are
    rehashed with these at the next login (`needs_rehash`)."""

    time_cost: int = 2
    memory_cost_kib: int = 19456
    parallelism: int = 1


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
        return await asyncio.get_running_loop().run_in_executor(_POOL, self._hasher.hash, password)

    async def verify(self, stored_hash: str | None, password: str) -> bool:
        matched = await asyncio.get_running_loop().run_in_executor(
            _POOL, self._verify, stored_hash or self._dummy_hash, password
        )
        return matched and bool(stored_hash)

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
