"""Admin routes: read users, grant and revoke roles, suspend, read the audit trail, and the
operator status summary."""

from __future__ import annotations

from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.accounts import AuditPage, AuditQuery, AuditRecordOut, RoleIn, SuspendIn, UserOut
from rest.schemas.operations import StatusOut

routes = RouteTable(tags=("admin",))
E = ErrorCode
R = ConflictReason


@routes.get("/users/{user_id}", response=UserOut, auth=True, errors=(E.NOT_FOUND,),
            summary="Read a user (yourself, or anyone as an admin; audited)")
async def get_user(req: ApiRequest[None, None]) -> UserOut:
    return UserOut.of(await req.deps.admin.read_user(req.actor, req.params["user_id"], req.context))


@routes.post("/admin/users/{user_id}/roles", body=RoleIn, response=UserOut, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.NOT_ALLOWED,),
             summary="Grant a role (ends the user's sessions)")
async def grant_role(req: ApiRequest[RoleIn, None]) -> UserOut:
    return UserOut.of(await req.deps.admin.grant_role(req.actor, req.params["user_id"], req.body.role, req.context))


@routes.delete("/admin/users/{user_id}/roles/{role}", response=UserOut, auth=True,
               errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT, E.VALIDATION_FAILED), reasons=(R.NOT_ALLOWED,),
               summary="Take a role away (ends the user's sessions)")
async def revoke_role(req: ApiRequest[None, None]) -> UserOut:
    user = await req.deps.admin.revoke_role(req.actor, req.params["user_id"], req.params["role"], req.context)
    return UserOut.of(user)


@routes.put("/admin/users/{user_id}/suspension", body=SuspendIn, response=UserOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.NOT_ALLOWED,),
            summary="Suspend or reinstate a user")
async def set_suspension(req: ApiRequest[SuspendIn, None]) -> UserOut:
    user = await req.deps.admin.set_suspended(req.actor, req.params["user_id"], req.body.suspended, req.context)
    return UserOut.of(user)


@routes.get("/admin/audit", query=AuditQuery, response=AuditPage, auth=True, errors=(E.FORBIDDEN,),
            summary="The audit trail, newest first")
async def list_audit(req: ApiRequest[None, AuditQuery]) -> AuditPage:
    q = req.query
    records = await req.deps.admin.list_audit(req.actor, subject_id=q.subject_id, before_id=q.before_id,
                                              limit=q.limit)
    items = [AuditRecordOut.of(r) for r in records]
    return AuditPage(items=items, next_before_id=items[-1].id if len(items) == q.limit else None)


@routes.get("/admin/status", response=StatusOut, auth=True, errors=(E.FORBIDDEN,),
            summary="The operator status summary: dependencies, backlogs, incidents, versions")
async def get_status(req: ApiRequest[None, None]) -> StatusOut:
    """Read-only and bounded: every probe runs at once under a short timeout, so a dependency
    that is down or slow shows as such (with its latency) and the answer still comes at once."""
    assert req.deps.status is not None  # wired by the composition root
    return StatusOut.of(await req.deps.status.report(req.actor))
