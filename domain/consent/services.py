"""Consent: read and change one's consents; ask whether a purpose is granted.

A change appends one record per purpose whose state really changes (withdrawing is the same
call as granting); a repeated change records nothing. The record carries the privacy policy
version in force (or the one the client says it showed), the channel and, with a key, a keyed
hash of the client address. `version` is the number of records the user has: a caller that
sends the one it read gets 409 if another change came first.

Where a purpose is used, the user of it asks `granted` (the notifier: marketing notifications;
push/notifier.py) in its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.access.policy import Permission, authorize
from domain.accounts.models import User
from domain.consent import policies
from domain.consent.models import ConsentChannel, ConsentRecord, PolicyKind, Purpose
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import unit_of_work

CHANGED = "consent.changed"
# Channels a user records through the API themself (email: an unsubscribe link; admin: support).
SELF_SERVICE = (ConsentChannel.APP, ConsentChannel.WEB)


@dataclass(frozen=True)
class ConsentState:
    purpose: Purpose
    granted: bool
    record: ConsentRecord | None  # the record behind it; None: never chosen (not granted)


@dataclass(frozen=True)
class Consents:
    user_id: str
    states: dict[Purpose, ConsentState]
    history: list[ConsentRecord]  # oldest first
    version: int  # how many records the user has


@dataclass(frozen=True)
class ConsentChange:
    choices: dict[str, bool]  # purpose -> granted
    channel: ConsentChannel = ConsentChannel.APP
    expected_version: int | None = None  # the version the caller read; a stale one is a conflict
    policy_version: int | None = None  # the privacy policy version the dialog showed; None: the current one
    source_ip_hash: str | None = None


def _state(records: list[ConsentRecord]) -> dict[Purpose, ConsentState]:
    latest: dict[Purpose, ConsentRecord] = {}
    for record in records:  # oldest first: the last one wins
        latest[Purpose(record.purpose)] = record
    return {p: ConsentState(p, bool(latest[p].granted) if p in latest else False, latest.get(p)) for p in Purpose}


async def load(user_id: str, conn: BaseDBAsyncClient | None = None) -> Consents:
    records = await ConsentRecord.filter(user_id=user_id).using_db(conn).order_by("id")
    return Consents(user_id, _state(records), records, len(records))


async def get(actor: Actor) -> Consents:
    await authorize(actor, Permission.CONSENT_MANAGE)
    return await load(actor.user_id)


async def granted(user_id: str, purpose: Purpose, conn: BaseDBAsyncClient | None = None) -> bool:
    """Whether the user's latest record for `purpose` grants it (no record: no)."""
    if as_uuid(user_id) is None:
        return False
    rows = await ConsentRecord.filter(user_id=user_id, purpose=purpose).using_db(conn).order_by("-id").limit(1) \
        .values_list("granted", flat=True)
    return bool(rows[0]) if rows else False


async def holders(purpose: Purpose, conn: BaseDBAsyncClient | None = None,
                  among: Iterable[str] | None = None) -> set[str]:
    """The users whose latest record for `purpose` grants it (optionally only among `among`)."""
    query = ConsentRecord.filter(purpose=purpose).using_db(conn)
    if among is not None:
        query = query.filter(user_id__in=[u for u in among if as_uuid(u)])
    latest: dict[str, bool] = {}
    for user_id, on in await query.order_by("id").values_list("user_id", "granted"):
        latest[str(user_id)] = bool(on)
    return {user for user, on in latest.items() if on}


def _validated(change: ConsentChange) -> dict[Purpose, bool]:
    errors: list[dict[str, Any]] = []
    choices: dict[Purpose, bool] = {}
    for name, on in change.choices.items():
        if name not in Purpose.__members__.values():
            errors.append({"field": f"purposes.{name}", "message": "not a purpose", "type": "value_error"})
        elif not isinstance(on, bool):
            errors.append({"field": f"purposes.{name}.granted", "message": "must be true or false",
                           "type": "value_error"})
        else:
            choices[Purpose(name)] = on
    if change.channel not in SELF_SERVICE:
        errors.append({"field": "channel", "message": "app or web", "type": "value_error"})
    if errors:
        raise ValidationFailed(errors=errors)
    return choices


async def change(actor: Actor, change: ConsentChange, now: datetime | None = None) -> Consents:
    """Record the purposes whose state changes; returns the consents after it."""
    await authorize(actor, Permission.CONSENT_MANAGE)
    choices = _validated(change)
    now = now or utcnow()
    async with unit_of_work() as uow:
        conn = uow.connection
        # One change per user at a time: the precondition and "only real changes" read a settled ledger.
        await User.filter(id=actor.user_id).using_db(conn).select_for_update().values_list("id", flat=True)
        current = await load(actor.user_id, conn)
        if change.expected_version is not None and change.expected_version != current.version:
            raise Conflict("Your consents changed since you read them; reload and choose again.",
                           reason=ConflictReason.STALE_VERSION, details={"version": current.version})
        version = await policies.version_for_record(PolicyKind.PRIVACY, change.policy_version, conn, now)
        for purpose, on in sorted(choices.items()):
            if current.states[purpose].granted == on and current.states[purpose].record is not None:
                continue  # no change, no record
            if current.states[purpose].record is None and not on:
                continue  # never granted: withdrawing changes nothing
            record = await ConsentRecord.create(
                user_id=actor.user_id, purpose=purpose, granted=on, policy_version=version, channel=change.channel,
                recorded_at=now, source_ip_hash=change.source_ip_hash, using_db=conn)
            await uow.record(DomainEvent(
                stream="domain", type=CHANGED, subject=f"user:{actor.user_id}", actor_id=actor.user_id,
                data={"user_id": actor.user_id, "purpose": purpose.value, "granted": on, "policy_version": version,
                      "channel": change.channel.value, "record_id": record.id}))
    return await load(actor.user_id)


def wire_state(state: ConsentState) -> dict[str, Any]:
    record = state.record
    return {"granted": state.granted, "policy_version": record.policy_version if record else None,
            "channel": record.channel.value if record else None, "recorded_at": record.recorded_at if record else None}


__all__ = ["CHANGED", "ConsentChange", "ConsentState", "Consents", "change", "get", "granted", "holders",
           "load", "wire_state"]
