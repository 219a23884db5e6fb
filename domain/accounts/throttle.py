"""Login throttling without a lockout an attacker can hand out (issue 11, item 9).

Failures are counted per account *and source* (the client address, or the known device the
login comes from), so hammering an account from one address slows down that address only:
the owner logging in from another address, or from a device they logged in from before,
is not affected. Past `free_per_source` failures a source waits before its next attempt, and
the wait doubles with each further failure (2 s, 4 s, 8 s ... capped): a 429 with a growing
Retry-After, never a lock. Attempts refused while waiting are not verified and not counted.

Against many addresses at once (a botnet), an account-wide counter adds the same slowdown
for unknown sources once `free_per_account` failures pile up; known devices still get in.
When an account's failures reach `notice_after` in a window the owner is told, once per window.

Counters live behind the rate-limiter port (Redis across processes, in-process otherwise):
the port's fixed windows give "at least n hits" through `peek`, which is all this needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.shared.errors import RateLimited
from domain.shared.ratelimit import RateLimiter


@dataclass(frozen=True)
class LoginThrottlePolicy:
    free_per_source: int = 5
    free_per_account: int = 100
    notice_after: int = 10
    base_delay_seconds: int = 2
    max_delay_seconds: int = 900
    window_seconds: int = 900

    def delay_after(self, failures: int, free: int) -> int:
        """Seconds to wait after the `failures`-th failure (0 while within `free`)."""
        over = failures - free
        if over <= 0:
            return 0
        return int(min(self.max_delay_seconds, self.base_delay_seconds * 2 ** min(over - 1, 30)))

    @property
    def steps(self) -> int:
        """How many failures past the free ones it takes for the delay to reach its cap."""
        steps, delay = 1, self.base_delay_seconds
        while delay < self.max_delay_seconds:
            steps, delay = steps + 1, delay * 2
        return steps


@dataclass(frozen=True)
class Failure:
    notify: bool  # this failure crossed the notice threshold (first time in the window)
    account_failures_at_least: int


class LoginThrottle:
    def __init__(self, limiter: RateLimiter, policy: LoginThrottlePolicy | None = None) -> None:
        self.limiter = limiter
        self.policy = policy or LoginThrottlePolicy()

    async def check(self, email: str, source: str, *, known_device: bool) -> None:
        """Raise RateLimited while this source (or, for an unknown device, the account) waits."""
        waits = [await self.limiter.peek(_block(email, source), 1)]
        if not known_device:
            waits.append(await self.limiter.peek(_block(email, "*"), 1))
        retry = max((w for w in waits if w is not None), default=None)
        if retry is not None:
            raise RateLimited(retry, "Too many failed logins from here; wait before trying again.")

    async def failed(self, email: str, source: str) -> Failure:
        """Count a wrong password; start the source's (and maybe the account's) wait."""
        p = self.policy
        await self._count(email, source, p.free_per_source)
        account = await self._count(email, "*", p.free_per_account)
        notify = False
        if account >= p.notice_after:
            # One notice per window: the first hit of the notice key is the only one allowed.
            notify = await self.limiter.hit(f"login-notice:{email}", 1, p.window_seconds) is None
        return Failure(notify=notify, account_failures_at_least=account)

    async def succeeded(self, email: str, source: str) -> None:
        """The right password from this source: its own count and wait start over. The
        account-wide count stays: the owner logging in says nothing about the botnet."""
        await self.limiter.reset(_failures(email, source))
        await self.limiter.reset(_block(email, source))

    async def _count(self, email: str, source: str, free: int) -> int:
        """Count one failure and start the wait it earns; returns the count (exact up to
        where the delay caps or the notice threshold, whichever is higher)."""
        p = self.policy
        key = _failures(email, source)
        within_free = await self.limiter.hit(key, free, p.window_seconds) is None
        low, high = (1, free) if within_free else (free + 1, max(free + p.steps, p.notice_after))
        failures = await self._at_least(key, low, high)
        delay = p.delay_after(failures, free)
        if delay:
            # A fresh wait: the previous one ended, or this attempt would have been refused.
            await self.limiter.reset(_block(email, source))
            await self.limiter.hit(_block(email, source), 0, delay)
        return failures

    async def _at_least(self, key: str, low: int, high: int) -> int:
        """The key's count, clamped to [low, high], by binary search over `peek` (count >= n)."""
        while low < high:
            mid = (low + high + 1) // 2
            if await self.limiter.peek(key, mid) is not None:
                low = mid
            else:
                high = mid - 1
        return low


def _failures(email: str, source: str) -> str:
    return f"login-fail:{email}|{source}"


def _block(email: str, source: str) -> str:
    return f"login-wait:{email}|{source}"
