"""Where an account's rows live (issue 18, domain/shared/regions.py): the region a new row
inherits from the user or organisation that owns it."""

from __future__ import annotations

from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.accounts.models import Organisation, User


async def of_user(user_id: UUID | str | None, conn: BaseDBAsyncClient | None = None) -> str | None:
    if user_id is None:
        return None
    rows = await User.filter(id=user_id).using_db(conn).values_list("region", flat=True)
    return str(rows[0]) if rows and rows[0] else None


async def of_organisation(org_id: UUID | str | None, conn: BaseDBAsyncClient | None = None) -> str | None:
    if org_id is None:
        return None
    rows = await Organisation.filter(id=org_id).using_db(conn).values_list("region", flat=True)
    return str(rows[0]) if rows and rows[0] else None


async def of_owner(owner: str, conn: BaseDBAsyncClient | None = None) -> str | None:
    """The region of a payee written `org:<id>` or `user:<id>` (None for anything else)."""
    kind, _, ident = owner.partition(":")
    try:
        uid = UUID(ident)
    except ValueError:
        return None
    if kind == "org":
        return await of_organisation(uid, conn)
    return await of_user(uid, conn) if kind == "user" else None
