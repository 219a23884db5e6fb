"""The one place that says who may do what.

Each permission is held by roles outright, or by a relationship between the actor and the
resource (the owner of a booking, a member of a provider organisation, a participant of a
conversation). Services call `authorize` before acting; adapters never check roles.
Contexts register the relationship checks they own (`register_relation`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from domain.shared.context import Actor
from domain.shared.errors import Forbidden, NotFound

ALL_ROLES = frozenset({"customer", "serviceman", "provider", "enterprise", "admin"})
ADMIN = frozenset({"admin"})


class Permission(StrEnum):
    PROFILE_READ = "profile.read"
    PROFILE_UPDATE = "profile.update"
    SESSION_MANAGE = "session.manage"
    USER_READ = "user.read"
    ROLE_GRANT = "role.grant"
    ROLE_REVOKE = "role.revoke"
    USER_SUSPEND = "user.suspend"
    AUDIT_READ = "audit.read"
    ORG_CREATE = "org.create"
    ORG_READ = "org.read"
    ORG_MANAGE_MEMBERS = "org.manage_members"


@dataclass(frozen=True)
class Grant:
    roles: frozenset[str]
    relation: str | None = None
    # When set, an actor without this relation does not learn the resource exists (404);
    # one who can see it but lacks the permission gets 403.
    visible_via: str | None = None
    description: str = ""


POLICY: dict[Permission, Grant] = {
    Permission.PROFILE_READ: Grant(ALL_ROLES, description="read your own profile"),
    Permission.PROFILE_UPDATE: Grant(ALL_ROLES, description="change your own name and region"),
    Permission.SESSION_MANAGE: Grant(ALL_ROLES, description="log out, everywhere, change password"),
    Permission.USER_READ: Grant(ADMIN, relation="self", visible_via="self", description="read a user"),
    Permission.ROLE_GRANT: Grant(ADMIN, description="grant a role to a user"),
    Permission.ROLE_REVOKE: Grant(ADMIN, description="take a role from a user"),
    Permission.USER_SUSPEND: Grant(ADMIN, description="suspend or reinstate a user"),
    Permission.AUDIT_READ: Grant(ADMIN, description="read the audit trail"),
    Permission.ORG_CREATE: Grant(frozenset({"provider", "enterprise", "admin"}), description="found a business"),
    Permission.ORG_READ: Grant(
        ADMIN, relation="org_member", visible_via="org_member", description="see a business and its crew"
    ),
    Permission.ORG_MANAGE_MEMBERS: Grant(
        ADMIN, relation="org_manager", visible_via="org_member", description="add or remove crew"
    ),
}

RelationCheck = Callable[[Actor, Any], Awaitable[bool]]
_RELATIONS: dict[str, RelationCheck] = {}


def register_relation(name: str, check: RelationCheck) -> None:
    _RELATIONS[name] = check


async def _related(name: str | None, actor: Actor, resource: Any) -> bool:
    if name is None or resource is None:
        return False
    return await _RELATIONS[name](actor, resource)


async def allowed(actor: Actor, permission: Permission, resource: Any = None) -> bool:
    grant = POLICY[permission]
    if actor.roles & grant.roles:
        return True
    return await _related(grant.relation, actor, resource)


async def authorize(actor: Actor, permission: Permission, resource: Any = None) -> None:
    """Return if the actor holds the permission on the resource; raise otherwise."""
    if await allowed(actor, permission, resource):
        return
    grant = POLICY[permission]
    if grant.visible_via is not None and not await _related(grant.visible_via, actor, resource):
        raise NotFound()
    raise Forbidden(f"You are not allowed to {grant.description or permission.value}.")


async def _is_self(actor: Actor, user: Any) -> bool:
    return str(getattr(user, "id", user)) == actor.user_id


register_relation("self", _is_self)
