"""Data-subject requests and their admin queue (GDPR Art. 12).

A request is answered within one month of receipt (`due_at`); an admin may extend that by up to
two further months, each time with a reason (Art. 12(3)), or refuse it with a reason (Art.
12(4)). Its steps:

    received ──identity check──▶ identity_checked ──(erasure)──▶ scheduled ──grace over──▶ done
        │                              │                            │
        └──────────── refused (admin, with a reason) ◀──────────────┤
                                                                    └──▶ cancelled (the person)

The person's own erasure request (`POST /v1/me/erasure`) re-enters their password: that is the
identity check, so it is scheduled at once, to run after the grace period
(ERASURE_GRACE_DAYS). Until then the person may still log in, and cancel. A request filed by an
admin for someone (a letter, an e-mail to support) waits in `received` until an admin records
how the identity was checked. Every step is an audit record (`privacy.request.<step>`, subject
the request): the request's audit trail.
"""

from __future__ import annotations

import calendar
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import structlog

from domain.access.policy import Permission, authorize
from domain.accounts.models import User, UserStatus
from domain.audit import services as audit
from domain.privacy.erasure import Eraser
from domain.privacy.models import OPEN_STATES, DataSubjectRequest, RequestKind, RequestState
from domain.shared import clock
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork, unit_of_work

log = structlog.get_logger(__name__)

MAX_EXTENSION_MONTHS = 2  # Art. 12(3)
USER_ERASED = "privacy.user_erased"

# Re-authenticates the actor with their password (raises when wrong): plugged in from accounts.
PasswordCheck = Callable[[Actor, str, RequestContext], Awaitable[None]]


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later, or the month's last day when it has fewer days."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def user_erased(user_id: str) -> DomainEvent:
    """The event every consumer must honour (docs/events.md): forget the person. Only the id."""
    return DomainEvent(stream="domain", type=USER_ERASED, subject=user_id, data={"user_id": user_id})


@dataclass(frozen=True)
class QueueEntry:
    request: DataSubjectRequest
    overdue: bool


@dataclass(frozen=True)
class ErasureRules:
    grace: timedelta = timedelta(days=14)
    batch: int = 20  # erasures executed per run of the job


def _uuid(value: str) -> UUID:
    try:
        return UUID(value)
    except (ValueError, TypeError):
        raise NotFound() from None


def _invalid_transition(request: DataSubjectRequest, message: str) -> Conflict:
    return Conflict(message, reason=ConflictReason.INVALID_TRANSITION, details={"state": request.state.value})


def _reason(text: str, name: str = "reason") -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) < 3:
        raise ValidationFailed(errors=[{"field": name, "message": "say why, in a few words", "type": "value_error"}])
    return cleaned


class PrivacyRequests:
    def __init__(self, eraser: Eraser, confirm_password: PasswordCheck, rules: ErasureRules | None = None) -> None:
        self.eraser = eraser
        self.confirm_password = confirm_password
        self.rules = rules or ErasureRules()

    # -- the person -----------------------------------------------------------------------

    async def request_erasure(self, actor: Actor, password: str, context: RequestContext) -> DataSubjectRequest:
        await authorize(actor, Permission.PRIVACY_REQUEST)
        await self.confirm_password(actor, password, context)
        now = clock.utcnow()
        async with unit_of_work() as uow:
            open_ = await self._open_erasure(uow, actor.user_id)
            if open_ is not None:
                raise Conflict("An erasure of your account is already under way.", reason=ConflictReason.DUPLICATE,
                               details={"request_id": str(open_.id), "state": open_.state.value})
            request = await DataSubjectRequest.create(
                user_id=UUID(actor.user_id), kind=RequestKind.ERASURE, channel="self_service", received_at=now,
                due_at=add_months(now, 1), using_db=uow.connection)
            await self._trail(uow, actor, request, "received", context)
            await self._identity_checked(uow, actor, request, "password", now, context)
        return request

    async def erasure(self, actor: Actor) -> DataSubjectRequest:
        """The person's latest erasure request (open or not)."""
        await authorize(actor, Permission.PRIVACY_REQUEST)
        found = await DataSubjectRequest.filter(user_id=_uuid(actor.user_id), kind=RequestKind.ERASURE) \
            .order_by("-received_at").first()
        if found is None:
            raise NotFound("You have not asked for the erasure of your account.")
        return found

    async def cancel_erasure(self, actor: Actor, context: RequestContext) -> DataSubjectRequest:
        await authorize(actor, Permission.PRIVACY_REQUEST)
        async with unit_of_work() as uow:
            request = await self._open_erasure(uow, actor.user_id, lock=True)
            if request is None:
                raise NotFound("No erasure of your account is waiting to be cancelled.")
            await self._close(uow, actor, request, RequestState.CANCELLED, "cancelled", context)
        return request

    # -- the admin queue --------------------------------------------------------------------

    async def queue(self, actor: Actor, *, states: tuple[RequestState, ...] = OPEN_STATES,
                    kind: RequestKind | None = None, limit: int = 50, offset: int = 0) -> list[QueueEntry]:
        """Ordered by due date, the most urgent first; `overdue`: open past its due date."""
        await authorize(actor, Permission.PRIVACY_REQUESTS_MANAGE)
        query = DataSubjectRequest.filter(state__in=states)
        if kind is not None:
            query = query.filter(kind=kind)
        now = clock.utcnow()
        found = await query.order_by("due_at", "received_at").offset(offset).limit(limit)
        return [QueueEntry(r, r.state in OPEN_STATES and r.due_at < now) for r in found]

    async def get(self, actor: Actor, request_id: str) -> QueueEntry:
        await authorize(actor, Permission.PRIVACY_REQUESTS_MANAGE)
        request = await DataSubjectRequest.get_or_none(id=_uuid(request_id))
        if request is None:
            raise NotFound()
        return QueueEntry(request, request.state in OPEN_STATES and request.due_at < clock.utcnow())

    async def file(self, actor: Actor, user_id: str, kind: RequestKind, context: RequestContext,
                   received_at: datetime | None = None) -> DataSubjectRequest:
        """An admin records a request the person made elsewhere (letter, e-mail, phone); the
        clock runs from when it was received."""
        await authorize(actor, Permission.PRIVACY_REQUESTS_MANAGE)
        now = clock.utcnow()
        received = min(received_at or now, now)
        async with unit_of_work() as uow:
            if not await self._user_exists(uow, user_id):
                raise NotFound("No such user.")
            request = await DataSubjectRequest.create(
                user_id=_uuid(user_id), kind=kind, channel="admin", received_at=received,
                due_at=add_months(received, 1), using_db=uow.connection)
            await self._trail(uow, actor, request, "received", context)
        return request

    async def check_identity(self, actor: Actor, request_id: str, method: str,
                             context: RequestContext) -> DataSubjectRequest:
        await authorize(actor, Permission.PRIVACY_REQUESTS_MANAGE)
        async with unit_of_work() as uow:
            request = await self._locked(uow, request_id)
            if request.state != RequestState.RECEIVED:
                raise _invalid_transition(request, "The identity of this request's requester was already settled.")
            await self._identity_checked(uow, actor, request, _reason(method, "method"), clock.utcnow(), context)
        return request

    async def extend(self, actor: Actor, request_id: str, months: int, reason: str,
                     context: RequestContext) -> DataSubjectRequest:
        await authorize(actor, Permission.PRIVACY_REQUESTS_MANAGE)
        why = _reason(reason)
        async with unit_of_work() as uow:
            request = await self._locked(uow, request_id)
            if request.state not in OPEN_STATES:
                raise _invalid_transition(request, "This request is closed.")
            if months < 1 or request.extended_months + months > MAX_EXTENSION_MONTHS:
                raise Conflict("A request may be extended by two months at most (Art. 12(3)).",
                               reason=ConflictReason.LIMIT_REACHED,
                               details={"extended_months": request.extended_months, "max": MAX_EXTENSION_MONTHS})
            before = {"due_at": request.due_at.isoformat(), "extended_months": request.extended_months}
            now = clock.utcnow()
            request.extended_months += months
            request.due_at = add_months(request.received_at, 1 + request.extended_months)
            request.extensions = [*request.extensions, {"months": months, "reason": why, "by": actor.user_id,
                                                        "at": clock.isoformat(now)}]
            await self._save(uow, request, "extended_months", "due_at", "extensions")
            await self._trail(uow, actor, request, "extended", context, before=before,
                              after={"due_at": request.due_at.isoformat(), "extended_months": request.extended_months,
                                     "reason": why})
        return request

    async def refuse(self, actor: Actor, request_id: str, reason: str, context: RequestContext) -> DataSubjectRequest:
        await authorize(actor, Permission.PRIVACY_REQUESTS_MANAGE)
        why = _reason(reason)
        async with unit_of_work() as uow:
            request = await self._locked(uow, request_id)
            if request.state not in OPEN_STATES:
                raise _invalid_transition(request, "This request is closed.")
            request.refusal_reason = why
            await self._close(uow, actor, request, RequestState.REFUSED, "refused", context, extra=("refusal_reason",),
                              after={"reason": why})
        return request

    # -- the job ----------------------------------------------------------------------------------

    async def run_due(self, now: datetime | None = None) -> int:
        """Execute the erasures whose grace period is over; each in its own unit of work, claimed
        with SKIP LOCKED so replicas share the work. Returns how many ran."""
        moment = now or clock.utcnow()
        due = await DataSubjectRequest.filter(kind=RequestKind.ERASURE, state=RequestState.SCHEDULED,
                                              execute_after__lte=moment).order_by("execute_after") \
            .limit(self.rules.batch).values_list("id", flat=True)
        done = 0
        for request_id in due:
            try:
                if await self._execute(request_id, moment):
                    done += 1
            except Exception:  # one failing erasure must not hold up the others; it is retried next run
                log.exception("erasure_failed", request_id=str(request_id))
        return done

    async def _execute(self, request_id: object, moment: datetime) -> bool:
        async with unit_of_work() as uow:
            request = await DataSubjectRequest.filter(id=request_id, state=RequestState.SCHEDULED,
                                                      execute_after__lte=moment) \
                .using_db(uow.connection).select_for_update(skip_locked=True).first()
            if request is None:
                return False  # another replica has it, or it was cancelled meanwhile
            report = await self.eraser.erase(uow, request.user_id)
            request.state = RequestState.DONE
            request.closed_at = clock.utcnow()
            await self._save(uow, request, "state", "closed_at")
            await audit.record(uow, actor=None, action="privacy.request.done", subject_type="data_subject_request",
                               subject_id=str(request.id), context=RequestContext(),
                               after={"kind": request.kind.value, **report.summary()},
                               events=[user_erased(str(request.user_id))])
        log.info("user_erased", request_id=str(request.id))
        return True

    # -- steps ---------------------------------------------------------------------------------------

    async def _identity_checked(self, uow: UnitOfWork, actor: Actor, request: DataSubjectRequest, method: str,
                                now: datetime, context: RequestContext) -> None:
        request.state = RequestState.IDENTITY_CHECKED
        request.identity_method = method
        request.identity_checked_at = now
        request.identity_checked_by = actor.user_id
        fields = ["state", "identity_method", "identity_checked_at", "identity_checked_by"]
        if request.kind == RequestKind.ERASURE:
            request.state = RequestState.SCHEDULED
            request.execute_after = now + self.rules.grace
            fields.append("execute_after")
        await self._save(uow, request, *fields)
        await self._trail(uow, actor, request, "identity_checked", context, after={"method": method})
        if request.state == RequestState.SCHEDULED:
            assert request.execute_after is not None
            await self._trail(uow, actor, request, "scheduled", context,
                              after={"execute_after": request.execute_after.isoformat()})

    async def _close(self, uow: UnitOfWork, actor: Actor, request: DataSubjectRequest, state: RequestState,
                     step: str, context: RequestContext, extra: tuple[str, ...] = (),
                     after: dict[str, Any] | None = None) -> None:
        before = request.state.value
        request.state = state
        request.closed_at = clock.utcnow()
        await self._save(uow, request, "state", "closed_at", *extra)
        await self._trail(uow, actor, request, step, context, before={"state": before}, after=after)

    async def _save(self, uow: UnitOfWork, request: DataSubjectRequest, *fields: str) -> None:
        request.version += 1
        await request.save(using_db=uow.connection, update_fields=[*fields, "version", "updated_at"])

    async def _trail(self, uow: UnitOfWork, actor: Actor | None, request: DataSubjectRequest, step: str,
                     context: RequestContext, before: dict[str, Any] | None = None,
                     after: dict[str, Any] | None = None) -> None:
        await audit.record(uow, actor=actor, action=f"privacy.request.{step}", subject_type="data_subject_request",
                           subject_id=str(request.id), context=context, before=before,
                           after={"kind": request.kind.value, "user_id": str(request.user_id),
                                  "state": request.state.value, **(after or {})})

    async def _open_erasure(self, uow: UnitOfWork, user_id: str, lock: bool = False) -> DataSubjectRequest | None:
        query = DataSubjectRequest.filter(user_id=_uuid(user_id), kind=RequestKind.ERASURE, state__in=OPEN_STATES) \
            .using_db(uow.connection)
        if lock:
            query = query.select_for_update()
        return await query.first()

    async def _locked(self, uow: UnitOfWork, request_id: str) -> DataSubjectRequest:
        request = await DataSubjectRequest.filter(id=_uuid(request_id)).using_db(uow.connection) \
            .select_for_update().first()
        if request is None:
            raise NotFound()
        return request

    async def _user_exists(self, uow: UnitOfWork, user_id: str) -> bool:
        return await User.filter(id=_uuid(user_id)).exclude(status=UserStatus.ERASED).using_db(uow.connection).exists()
