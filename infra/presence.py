"""Presence in Redis, shared by every server process (the contract: domain/presence/store.py).

Keys, all under one prefix with a hash tag (`presence:{<channel>}:`) so a deployment's keys
share a cluster slot and two deployments sharing a Redis do not see each other:

    u:<user>      sorted set: the user's live connection ids, scored by expiry (ms)
    away:<user>   set: those of them that said "away" (always a subset of u:<user>)
    st:<user>     hash: status and last_seen (ms) last announced; kept 30 days
    index         sorted set: users with connections, scored by their earliest expiry

Every write is one Lua script, so the check "did the status change?" and the write that
changes it are atomic: two processes never both announce the same change. The scripts take
the time from the caller (`clock`), which keeps the contract test deterministic; hosts are
NTP-synchronised far better than the seconds a TTL is made of.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from redis.asyncio import Redis

from domain.presence.store import Clock, PresenceState, Status, expiry_window

_STATE_TTL_SECONDS = 30 * 86400
_SWEEP_BATCH = 200

_RECOMPUTE = """
local P, now, window = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local function recompute(uid, explicit)
  local ukey, akey, skey = P .. 'u:' .. uid, P .. 'away:' .. uid, P .. 'st:' .. uid
  local expired = redis.call('ZRANGEBYSCORE', ukey, '-inf', now, 'WITHSCORES')
  local last_alive = nil
  for i = 1, #expired, 2 do
    redis.call('SREM', akey, expired[i])
    local seen = tonumber(expired[i + 1]) - window
    if last_alive == nil or seen > last_alive then last_alive = seen end
  end
  if #expired > 0 then redis.call('ZREMRANGEBYSCORE', ukey, '-inf', now) end
  local live = redis.call('ZCARD', ukey)
  local status = 'offline'
  if live > 0 then
    status = 'online'
    if redis.call('SCARD', akey) >= live then status = 'away' end
    local first = redis.call('ZRANGE', ukey, 0, 0, 'WITHSCORES')
    redis.call('ZADD', P .. 'index', first[2], uid)
  else
    redis.call('DEL', akey)
    redis.call('ZREM', P .. 'index', uid)
  end
  local prev = redis.call('HGET', skey, 'status') or 'offline'
  if prev == status then return false end
  local last_seen = now
  if status == 'offline' and explicit == 0 and last_alive ~= nil then last_seen = last_alive end
  last_seen = string.format('%d', last_seen)
  redis.call('HSET', skey, 'status', status, 'last_seen', last_seen)
  redis.call('EXPIRE', skey, STATE_TTL)
  return {uid, status, last_seen}
end
""".replace("STATE_TTL", str(_STATE_TTL_SECONDS))

_CONNECT = _RECOMPUTE + """
local uid, conn = ARGV[3], ARGV[4]
redis.call('ZADD', P .. 'u:' .. uid, now + window, conn)
redis.call('SREM', P .. 'away:' .. uid, conn)
return recompute(uid, 0)
"""

_DISCONNECT = _RECOMPUTE + """
local uid, conn = ARGV[3], ARGV[4]
redis.call('ZREM', P .. 'u:' .. uid, conn)
redis.call('SREM', P .. 'away:' .. uid, conn)
return recompute(uid, 1)
"""

_SET_AWAY = _RECOMPUTE + """
local uid, conn, away = ARGV[3], ARGV[4], ARGV[5]
local score = redis.call('ZSCORE', P .. 'u:' .. uid, conn)
if score and tonumber(score) > now then
  if away == '1' then redis.call('SADD', P .. 'away:' .. uid, conn)
  else redis.call('SREM', P .. 'away:' .. uid, conn) end
end
return recompute(uid, 0)
"""

_REFRESH = """
local P, now, expires = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local missing = {}
for i = 3, #ARGV, 2 do
  local uid, conn = ARGV[i], ARGV[i + 1]
  local ukey = P .. 'u:' .. uid
  local score = redis.call('ZSCORE', ukey, conn)
  if score and tonumber(score) > now then
    redis.call('ZADD', ukey, 'XX', expires, conn)
    local first = redis.call('ZRANGE', ukey, 0, 0, 'WITHSCORES')
    redis.call('ZADD', P .. 'index', first[2], uid)
  else
    table.insert(missing, uid)
    table.insert(missing, conn)
  end
end
return missing
"""

_SWEEP = _RECOMPUTE + """
local due = redis.call('ZRANGEBYSCORE', P .. 'index', '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
local result = {#due}
for _, uid in ipairs(due) do
  local change = recompute(uid, 0)
  if change then table.insert(result, change) end
end
return result
"""


class RedisPresenceStore:
    def __init__(self, client: Redis, ttl: float, namespace: str, clock: Clock = time.time) -> None:
        self.ttl = ttl
        self._client = client
        self._window_ms = int(expiry_window(ttl) * 1000)
        self._clock = clock
        self._prefix = f"presence:{{{namespace}}}:"
        self._connect = client.register_script(_CONNECT)
        self._disconnect = client.register_script(_DISCONNECT)
        self._set_away = client.register_script(_SET_AWAY)
        self._refresh = client.register_script(_REFRESH)
        self._sweep = client.register_script(_SWEEP)

    def _now_ms(self) -> int:
        return int(self._clock() * 1000)

    async def connect(self, user_id: str, conn_id: str) -> PresenceState | None:
        return _change(
            await self._connect(keys=[self._prefix], args=[self._now_ms(), self._window_ms, user_id, conn_id])
        )

    async def disconnect(self, user_id: str, conn_id: str) -> PresenceState | None:
        return _change(
            await self._disconnect(keys=[self._prefix], args=[self._now_ms(), self._window_ms, user_id, conn_id])
        )

    async def set_away(self, user_id: str, conn_id: str, away: bool) -> PresenceState | None:
        args: list[Any] = [self._now_ms(), self._window_ms, user_id, conn_id, "1" if away else "0"]
        return _change(await self._set_away(keys=[self._prefix], args=args))

    async def refresh(self, conns: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        missing: list[tuple[str, str]] = []
        for start in range(0, len(conns), 500):  # bounded script runs: Redis serves others between
            now = self._now_ms()
            args: list[Any] = [now, now + self._window_ms]
            for user_id, conn_id in conns[start : start + 500]:
                args += [user_id, conn_id]
            found = await self._refresh(keys=[self._prefix], args=args)
            missing += [(_text(found[i]), _text(found[i + 1])) for i in range(0, len(found), 2)]
        return missing

    async def sweep(self) -> list[PresenceState]:
        changes: list[PresenceState] = []
        for _ in range(50):  # at most 10,000 users a sweep; the next sweep takes the rest
            due, *found = await self._sweep(keys=[self._prefix], args=[self._now_ms(), self._window_ms, _SWEEP_BATCH])
            changes += [state for state in map(_change, found) if state is not None]
            if int(due) < _SWEEP_BATCH:
                break
        return changes

    async def states(self, user_ids: Iterable[str]) -> list[PresenceState]:
        ids = list(user_ids)
        async with self._client.pipeline(transaction=False) as pipe:
            for user_id in ids:
                pipe.hmget(f"{self._prefix}st:{user_id}", ["status", "last_seen"])
            rows = await pipe.execute()
        return [
            PresenceState(user_id, Status(_text(status)) if status else Status.OFFLINE, _seconds(last_seen))
            for user_id, (status, last_seen) in zip(ids, rows, strict=True)
        ]

    async def forget(self, user_id: str) -> None:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.delete(*(f"{self._prefix}{kind}:{user_id}" for kind in ("u", "away", "st")))
            pipe.zrem(f"{self._prefix}index", user_id)
            await pipe.execute()

    async def close(self) -> None:
        return None  # the client belongs to the composition root


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _seconds(ms: Any) -> float | None:
    return None if ms is None else int(float(_text(ms))) / 1000


def _change(row: Any) -> PresenceState | None:
    if not row:
        return None
    user_id, status, last_seen = row
    return PresenceState(_text(user_id), Status(_text(status)), _seconds(last_seen))
