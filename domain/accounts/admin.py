"""Privileged account actions. Each writes an audit record and an audit.events message in
the same transaction, and a role change or suspension ends every session of the user."""

from __future__ import annotations

from uuid import UUID

from domain.access.policy import Permission, authorize
from domain.accounts.models import Role, User, UserStatus
from domain.accounts.services import AccountsService
from domain.audit import services as audit
from domain.audit.models import AuditRecord
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.uow import unit_of_work


def _uuid(value: str) -> UUID:
    try:
        return UUID(value)
    except (ValueError, TypeError):
        raise NotFound() from None


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationFailed(
            errors=[{"field": "role", "message": f"must be one of {', '.join(r.value for r in Role)}", "type": "enum"}]
        ) from None


class AdminService:
    def __init__(self, accounts: AccountsService) -> None:
        self._accounts = accounts

    async def read_user(self, actor: Actor, user_id: str, context: RequestContext) -> User:
        user = await User.get_or_none(id=_uuid(user_id))
        await authorize(actor, Permission.USER_READ, user if user is not None else user_id)
        if user is None:
            raise NotFound()
        if str(user.id) != actor.user_id:
            # An admin looking at someone else's data is itself a privileged action.
            async with unit_of_work() as uow:
                await audit.record(uow, actor=actor, action="user.read", subject_type="user",
                                   subject_id=str(user.id), context=context)
        return user

    async def grant_role(self, actor: Actor, user_id: str, role: str, context: RequestContext) -> User:
        return await self._change_roles(actor, user_id, _role(role), add=True, context=context)

    async def revoke_role(self, actor: Actor, user_id: str, role: str, context: RequestContext) -> User:
        return await self._change_roles(actor, user_id, _role(role), add=False, context=context)

    async def set_suspended(self, actor: Actor, user_id: str, suspended: bool, context: RequestContext) -> User:
        await authorize(actor, Permission.USER_SUSPEND)
        if suspended and user_id == actor.user_id:
            raise Conflict("You cannot suspend yourself.", reason=ConflictReason.NOT_ALLOWED)
        target = UserStatus.SUSPENDED if suspended else UserStatus.ACTIVE
        async with unit_of_work() as uow:
            user = await User.filter(id=_uuid(user_id)).using_db(uow.connection).select_for_update().first()
            if user is None or user.status == UserStatus.ERASED:
                raise NotFound()
            before = user.status.value
            if user.status != target:
                user.status = target
                user.version += 1
                await user.save(using_db=uow.connection, update_fields=["status", "version", "updated_at"])
            await audit.record(uow, actor=actor, action="user.suspend" if suspended else "user.reinstate",
                               subject_type="user", subject_id=str(user.id), context=context,
                               before={"status": before}, after={"status": target.value})
        if suspended:
            await self._accounts.end_all_sessions(user.id)
        return user

    async def list_audit(self, actor: Actor, *, subject_id: str | None, before_id: int | None,
                         limit: int) -> list[AuditRecord]:
        await authorize(actor, Permission.AUDIT_READ)
        query = AuditRecord.all().order_by("-id").limit(limit)
        if subject_id:
            query = query.filter(subject_id=subject_id)
        if before_id:
            query = query.filter(id__lt=before_id)
        return await query

    async def _change_roles(self, actor: Actor, user_id: str, role: Role, *, add: bool,
                            context: RequestContext) -> User:
        await authorize(actor, Permission.ROLE_GRANT if add else Permission.ROLE_REVOKE)
        async with unit_of_work() as uow:
            user = await User.filter(id=_uuid(user_id)).using_db(uow.connection).select_for_update().first()
            if user is None or user.status == UserStatus.ERASED:
                raise NotFound()
            before = sorted(user.roles)
            roles = set(user.roles) | {role.value} if add else set(user.roles) - {role.value}
            if not roles:
                raise Conflict("A user keeps at least one role.", reason=ConflictReason.NOT_ALLOWED)
            changed = roles != set(before)
            if changed:
                user.roles = sorted(roles)
                user.version += 1
                await user.save(using_db=uow.connection, update_fields=["roles", "version", "updated_at"])
                await audit.record(uow, actor=actor, action="role.grant" if add else "role.revoke",
                                   subject_type="user", subject_id=str(user.id), context=context,
                                   before={"roles": before}, after={"roles": sorted(roles)})
        if changed:
            # Tokens carry roles: every session ends so the next token carries the new ones.
            await self._accounts.end_all_sessions(user.id)
        return user
