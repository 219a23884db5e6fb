"""Flags: the per-process cache, evaluation (server-side guards, bulk for clients), and the
admin use cases (set, schedule, cancel; each one unit of work with its audit record).

Every process holds all definitions in memory (a few hundred rows at most) and evaluates
without a query. A change commits, waits until the `config` sync collection shows it, then
is broadcast (`FlagBroadcast`: Redis pub/sub across processes, infra/flag_broadcast.py);
each process reloads and only then tells its own sockets (`config:changed`), so a client
that hears it and asks again (capabilities, OFREP, a sync pull) gets the new value from any
process. A broadcast missed during a Redis outage is caught up by the periodic `refresh`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

import orjson
import structlog
from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.accounts.models import User
from domain.audit import services as audit
from domain.flags import catalog
from domain.flags.broadcast import FlagBroadcast, LocalBroadcast, Message
from domain.flags.models import Flag, FlagKind, FlagSchedule, ScheduleState
from domain.flags.rules import (
    ClientApp,
    Definition,
    EvalContext,
    Evaluation,
    Rule,
    check_key,
    check_value,
    evaluate,
    parse_rules,
    parse_version,
)
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import (
    Conflict,
    ConflictReason,
    FeatureDisabled,
    Maintenance,
    NotFound,
    UpgradeRequired,
    ValidationFailed,
)
from domain.shared.uow import unit_of_work

log = structlog.get_logger(__name__)

@dataclass(frozen=True)
class ConfigChange:
    """What sockets are told (`config:changed`): which keys changed, the sync cursor at which
    the `config` collection shows it, and whether maintenance mode is on now."""

    keys: tuple[str, ...]
    cursor: str | None
    maintenance: bool
    retry_after: int | None


ChangeListener = Callable[[ConfigChange], Awaitable[None]]


@dataclass(frozen=True)
class FlagDraft:
    value: Any
    kind: FlagKind | None = None
    rules: list[Any] | None = None
    client_visible: bool | None = None
    description: str | None = None
    version: int | None = None  # the version the admin saw; None: whatever it is


@dataclass(frozen=True)
class ScheduleDraft:
    effective_at: datetime
    value: Any = None
    rules: list[Any] | None = None


@dataclass(frozen=True)
class ScheduleView:
    id: str
    key: str
    effective_at: datetime
    value: Any
    rules: list[dict[str, Any]] | None
    state: str
    applied_at: datetime | None


class FlagService:
    def __init__(self, broadcast: FlagBroadcast | None = None,
                 visible_cursor: Callable[[], Awaitable[str | None]] | None = None) -> None:
        self.broadcast: FlagBroadcast = broadcast or LocalBroadcast()
        self.visible_cursor = visible_cursor
        self._definitions: dict[str, Definition] = dict(catalog.BUILTIN)
        self._listeners: list[ChangeListener] = []
        self.broadcast.listen(self._heard)

    # -- the cache ---------------------------------------------------------------------------

    def on_change(self, listener: ChangeListener) -> None:
        """`listener` runs on this process after each change was loaded here."""
        self._listeners.append(listener)

    async def start(self) -> None:
        await self.seed_builtins()
        await self.reload()
        await self.broadcast.start()

    async def seed_builtins(self) -> list[str]:
        """Store every built-in key (domain/flags/catalog.py) that has no row yet with its default
        (a fresh database, a release's new key), and bring a row still holding a built-in default
        (`builtin_default`) to this release's default: the `config` collection is captured from
        the `flag` table, so a phone's first pull learns every built-in key, and later defaults
        reach it as updates. A row an admin or a schedule changed is left alone. Safe on every
        process at once (an insert that lost the race, an update on a stale version: skipped).
        Returns the keys written."""
        written = []
        stored = {row.key: row for row in await Flag.filter(key__in=list(catalog.BUILTIN))}
        for key, default in catalog.BUILTIN.items():
            row = stored.get(key)
            if row is not None and not (row.builtin_default and _content(_definition(row)) != _content(default)):
                continue  # an admin's value, or this release's default already
            fields = {"kind": default.kind, "rules": [r.wire() for r in default.rules],
                      "client_visible": default.client_visible, "description": default.description}
            try:
                async with unit_of_work() as uow:
                    if row is None:
                        await _create(Flag(key=key, value=_stored(default.value), version=1, builtin_default=True,
                                           **fields), uow.connection)
                        moved = 1
                    else:  # compare-and-set: an admin's change or another process's move since we read wins
                        moved = await Flag.filter(key=key, version=row.version, builtin_default=True).using_db(
                            uow.connection).update(value=_encoded(default.value), version=row.version + 1, **fields)
            except IntegrityError:  # another process stored it first
                continue
            if moved:
                written.append(key)
        if written:
            log.info("flags_builtin_defaults_stored", keys=written)
        return written

    async def stop(self) -> None:
        await self.broadcast.stop()

    async def reload(self) -> set[str]:
        """Read every stored flag; the keys whose definition changed (added, edited, removed)."""
        stored = {row.key: _definition(row) for row in await Flag.all()}
        fresh = {**catalog.BUILTIN, **stored}
        old = self._definitions
        changed = {key for key in fresh.keys() | old.keys() if fresh.get(key) != old.get(key)}
        self._definitions = fresh
        return changed

    async def refresh(self) -> None:
        """The periodic catch-up (app/jobs.py): a broadcast this process missed still arrives."""
        changed = await self.reload()
        if changed:
            log.info("flags_caught_up", keys=sorted(changed))
            await self._tell(ConfigChange(tuple(sorted(changed)), None, *self._maintenance_now()))

    async def _heard(self, message: Message) -> None:
        changed = await self.reload()
        keys = {str(key) for key in message.get("keys", [])} | changed
        cursor = message.get("cursor")
        await self._tell(ConfigChange(tuple(sorted(keys)), str(cursor) if cursor is not None else None,
                                      *self._maintenance_now()))

    async def _tell(self, change: ConfigChange) -> None:
        for listener in list(self._listeners):
            try:
                await listener(change)
            except Exception:
                log.exception("flag_listener_failed")

    async def _announce(self, keys: Iterable[str]) -> None:
        """After a commit: once pulls can see it, every process reloads and tells its sockets."""
        cursor = await self.visible_cursor() if self.visible_cursor is not None else None
        await self.reload()  # read your writes: the admin's next call, on this process, sees it
        await self.broadcast.publish({"keys": sorted(keys), "cursor": cursor})

    # -- evaluation --------------------------------------------------------------------------

    def definition(self, key: str) -> Definition | None:
        return self._definitions.get(key)

    def value(self, key: str, ctx: EvalContext | None = None) -> Any:
        definition = self._definitions.get(key)
        if definition is None:
            return None
        return evaluate(definition, ctx or EvalContext()).value

    def evaluate(self, key: str, ctx: EvalContext) -> Evaluation | None:
        definition = self._definitions.get(key)
        if definition is None or not definition.client_visible:
            return None
        return evaluate(definition, ctx)

    def evaluate_all(self, ctx: EvalContext) -> list[Evaluation]:
        return [evaluate(d, ctx) for key, d in sorted(self._definitions.items()) if d.client_visible]

    @property
    def config_version(self) -> str:
        """Changes whenever any definition does (an ETag for the bulk evaluation)."""
        return str(sum(d.version for d in self._definitions.values())) + "." + str(len(self._definitions))

    async def context(self, actor: Actor, client: ClientApp | None = None) -> EvalContext:
        """The evaluation context of a signed-in caller: the token's user and roles, the
        account's region, and the platform and version the app says it is."""
        user = await User.filter(id=actor.user_id).only("id", "region").first()
        client = client or ClientApp()
        return EvalContext(actor.user_id, actor.roles, user.region if user else None, client.platform,
                           client.version)

    async def require(self, feature: str, actor: Actor | None = None) -> None:
        definition = self._definitions.get(feature)
        if definition is None:
            return
        if any(rule.regions for rule in definition.rules) and actor is not None:
            ctx = await self.context(actor)
        else:
            ctx = EvalContext(actor.user_id if actor else None, actor.roles if actor else frozenset())
        if evaluate(definition, ctx).value is False:
            raise FeatureDisabled(details={"feature": feature},
                                  retry_after=int(self.value(catalog.FEATURE_RETRY_AFTER) or 300))

    def _maintenance_now(self) -> tuple[bool, int | None]:
        on = self.value(catalog.MAINTENANCE) is True
        return on, int(self.value(catalog.MAINTENANCE_RETRY_AFTER) or 300) if on else None

    def maintenance(self) -> Maintenance | None:
        """The error writes get while maintenance mode is on; None while it is off."""
        on, retry_after = self._maintenance_now()
        if not on or retry_after is None:
            return None
        message = self.value(catalog.MAINTENANCE_MESSAGE) or None
        return Maintenance(message, retry_after=retry_after)

    def minimum_versions(self) -> dict[str, str]:
        out = {}
        for platform in ("android", "ios", "web"):
            value = self.value(catalog.min_version_key(platform))
            if isinstance(value, str) and parse_version(value) is not None:
                out[platform] = value
        return out

    def store_urls(self) -> dict[str, str]:
        return {p: str(self.value(catalog.store_url_key(p)) or "") for p in ("android", "ios", "web")}

    def upgrade_required(self, client: ClientApp) -> UpgradeRequired | None:
        """The error an app older than its platform's minimum gets on every call; None otherwise."""
        if client.platform is None or client.version is None:
            return None
        minimum = self.minimum_versions().get(client.platform)
        version = parse_version(client.version)
        low = parse_version(minimum)
        if minimum is None or version is None or low is None or version >= low:
            return None
        return UpgradeRequired(details={"platform": client.platform, "version": client.version,
                                        "minimum_version": minimum,
                                        "store_url": self.store_urls().get(client.platform, "")})

    # -- admin ---------------------------------------------------------------------------------

    async def list_all(self, actor: Actor) -> list[Definition]:
        await authorize(actor, Permission.FLAG_MANAGE)
        return [d for _, d in sorted(self._definitions.items())]

    async def get(self, actor: Actor, key: str) -> Definition:
        await authorize(actor, Permission.FLAG_MANAGE)
        row = await Flag.get_or_none(key=key)
        if row is not None:
            return _definition(row)
        if key in catalog.BUILTIN:
            return catalog.BUILTIN[key]
        raise NotFound("No such flag.")

    async def put(self, actor: Actor, key: str, draft: FlagDraft, context: RequestContext) -> Definition:
        """Create or change a flag now; a stale `version` is a 409 `stale_version`."""
        await authorize(actor, Permission.FLAG_MANAGE)
        check_key(key)
        async with unit_of_work() as uow:
            conn = uow.connection
            row = await Flag.filter(key=key).using_db(conn).select_for_update().first()
            builtin = catalog.BUILTIN.get(key)
            current = _definition(row) if row is not None else builtin
            kind = _kind(key, draft.kind, current)
            if draft.version is not None and draft.version != (current.version if current else 0):
                raise Conflict("This flag changed since you read it.", reason=ConflictReason.STALE_VERSION,
                               details={"version": current.version if current else 0})
            value = check_value(kind, draft.value)
            rules = parse_rules(kind, draft.rules) if draft.rules is not None else (
                current.rules if current else ())
            visible = draft.client_visible if draft.client_visible is not None else (
                current.client_visible if current else True)
            description = draft.description if draft.description is not None else (
                current.description if current else "")
            fields = {"kind": kind, "value": _stored(value), "rules": [r.wire() for r in rules],
                      "client_visible": visible, "description": description[:2000], "builtin_default": False}
            if row is None:
                await _create(Flag(key=key, version=1, **fields), conn)
            else:
                await Flag.filter(key=key).using_db(conn).update(version=row.version + 1,
                                                                 **{**fields, "value": _encoded(value)})
            row = await Flag.filter(key=key).using_db(conn).get()
            after = _definition(row)
            await audit.record(uow, actor=actor, action="flag.set", subject_type="flag", subject_id=key,
                               context=context, before=_audited(current), after=_audited(after))
            uow.after_commit(lambda: self._announce([key]))
        return after

    async def schedule(self, actor: Actor, key: str, draft: ScheduleDraft, context: RequestContext) -> ScheduleView:
        """A change applied at `effective_at` by the `flag_schedules` job (a past time: the next run)."""
        await authorize(actor, Permission.FLAG_MANAGE)
        check_key(key)
        current = self._definitions.get(key)
        stored = await Flag.get_or_none(key=key)
        if stored is not None:
            current = _definition(stored)
        if current is None:
            raise NotFound("No such flag: create it first.")
        if draft.value is None and draft.rules is None:
            raise ValidationFailed(errors=[{"field": "value", "message": "give a value, rules, or both",
                                            "type": "value_error", "location": "body"}])
        value = check_value(current.kind, draft.value) if draft.value is not None else None
        rules = [r.wire() for r in parse_rules(current.kind, draft.rules)] if draft.rules is not None else None
        async with unit_of_work() as uow:
            row = await _create(FlagSchedule(flag_key=key, effective_at=draft.effective_at, value=_stored(value),
                                             rules=rules), uow.connection)
            await audit.record(uow, actor=actor, action="flag.scheduled", subject_type="flag", subject_id=key,
                               context=context, after={"schedule_id": str(row.id), "value": value, "rules": rules,
                                                       "effective_at": draft.effective_at.isoformat()})
        return _schedule_view(row)

    async def schedules(self, actor: Actor, key: str | None = None) -> list[ScheduleView]:
        await authorize(actor, Permission.FLAG_MANAGE)
        query = FlagSchedule.all().order_by("effective_at")
        if key is not None:
            query = query.filter(flag_key=key)
        return [_schedule_view(row) for row in await query.limit(500)]

    async def cancel(self, actor: Actor, schedule_id: str, context: RequestContext) -> ScheduleView:
        await authorize(actor, Permission.FLAG_MANAGE)
        async with unit_of_work() as uow:
            row = await FlagSchedule.filter(id=schedule_id).using_db(uow.connection).first()
            if row is None:
                raise NotFound("No such scheduled change.")
            moved = await FlagSchedule.filter(id=schedule_id, state=ScheduleState.PENDING).using_db(
                uow.connection).update(state=ScheduleState.CANCELLED)
            if not moved:
                raise Conflict(f"This change is {row.state.value} already.", reason=ConflictReason.INVALID_TRANSITION,
                               details={"state": row.state.value})
            await audit.record(uow, actor=actor, action="flag.schedule_cancelled", subject_type="flag",
                               subject_id=row.flag_key, context=context, before={"schedule_id": schedule_id})
            row.state = ScheduleState.CANCELLED
        return _schedule_view(row)

    async def apply_due(self, now: datetime | None = None) -> int:
        """Apply the scheduled changes whose time came, oldest first; each once, whichever
        process gets to it (a compare-and-set on its state)."""
        now = now or utcnow()
        applied = 0
        for due in await FlagSchedule.filter(state=ScheduleState.PENDING, effective_at__lte=now).order_by(
                "effective_at").limit(100):
            async with unit_of_work() as uow:
                conn = uow.connection
                claimed = await FlagSchedule.filter(id=due.id, state=ScheduleState.PENDING).using_db(conn).update(
                    state=ScheduleState.APPLIED, applied_at=now)
                if not claimed:
                    continue
                row = await Flag.filter(key=due.flag_key).using_db(conn).select_for_update().first()
                current = _definition(row) if row is not None else catalog.BUILTIN.get(due.flag_key)
                if current is None:  # the flag is gone: nothing to change
                    continue
                value = due.value if due.value is not None else current.value
                rules = due.rules if due.rules is not None else [r.wire() for r in current.rules]
                if row is None:
                    await _create(Flag(key=due.flag_key, kind=current.kind, value=_stored(value), rules=rules,
                                       client_visible=current.client_visible, description=current.description,
                                       version=1), conn)
                else:
                    await Flag.filter(key=due.flag_key).using_db(conn).update(value=_encoded(value), rules=rules,
                                                                              version=row.version + 1,
                                                                              builtin_default=False)
                after = replace(current, value=value, rules=_rules(current.kind, rules))
                await audit.record(uow, actor=None, action="flag.schedule_applied", subject_type="flag",
                                   subject_id=due.flag_key, context=RequestContext(), before=_audited(current),
                                   after={**(_audited(after) or {}), "schedule_id": str(due.id)})
                key = due.flag_key
                uow.after_commit(lambda key=key: self._announce([key]))  # type: ignore[misc]
                applied += 1
        return applied


class _Stored:
    """A JSON value on its way into a JSONField. Tortoise takes a str there for JSON text, on
    construction and on write alike; a string value goes in encoded, after construction."""

    def __init__(self, value: Any) -> None:
        self.value = value


def _stored(value: Any) -> Any:
    return _Stored(value) if isinstance(value, str) else value


def _encoded(value: Any) -> Any:
    """The same for an UPDATE, which takes JSON text as it is."""
    return orjson.dumps(value).decode() if isinstance(value, str) else value


M = TypeVar("M", Flag, FlagSchedule)


async def _create(row: M, conn: Any) -> M:
    if isinstance(row.value, _Stored):
        row.value = orjson.dumps(row.value.value).decode()
    await row.save(using_db=conn, force_create=True)
    return row


def _kind(key: str, asked: FlagKind | None, current: Definition | None) -> FlagKind:
    if current is None:
        if asked is None:
            raise ValidationFailed(errors=[{"field": "kind", "message": "a new flag needs its kind",
                                            "type": "missing", "location": "body"}])
        return asked
    if asked is not None and asked is not current.kind:
        raise Conflict(f"{key} is a {current.kind.value} flag.", reason=ConflictReason.NOT_ALLOWED,
                       details={"cause": "kind_fixed", "kind": current.kind.value})
    return current.kind


def _rules(kind: FlagKind, raw: Any) -> tuple[Rule, ...]:
    try:
        return parse_rules(kind, raw)
    except ValidationFailed:  # stored rules were valid when written; a bad row must not break the cache
        log.warning("flag_rules_unreadable", kind=kind.value)
        return ()


def _definition(row: Flag) -> Definition:
    return Definition(row.key, FlagKind(row.kind), row.value, _rules(FlagKind(row.kind), row.rules),
                      row.client_visible, row.description, row.version)


def _content(definition: Definition) -> tuple[Any, ...]:
    """What a client sees of a definition, its version aside."""
    return (definition.kind, definition.value, definition.rules, definition.client_visible, definition.description)


def _audited(definition: Definition | None) -> dict[str, Any] | None:
    if definition is None:
        return None
    return {"kind": definition.kind.value, "value": definition.value, "rules": [r.wire() for r in definition.rules],
            "client_visible": definition.client_visible, "version": definition.version}


def _schedule_view(row: FlagSchedule) -> ScheduleView:
    return ScheduleView(str(row.id), row.flag_key, row.effective_at, row.value, row.rules, row.state.value,
                        row.applied_at)
