"""Issue 11, High 3: a stranger cannot take over another firm's serviceman. Crew membership is
an invitation the user accepts or declines; until then it grants nothing (hours, zones,
presence, assignment, sync). Members may leave; invitations expire, are rate-limited, audited,
synced to both sides, and reach the invitee as a notification and a push."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.accounts.models import Membership
from domain.audit.models import AuditRecord
from domain.notifications.models import Notification
from domain.shared.outbox import OutboxEvent
from push.models import PushJob
from tests.support.bookings import ALWAYS_OPEN, book, build_market, make_serviceman, ok
from tests.support.bus import wait_until
from tests.support.identity import join_org, make_admin, register
from tests.support.notifications import register_device
from tests.support.presence import PRESENCE, subscribe
from tests.support.socket_clients import Recorder
from tests.support.sync import Replica, flush


async def _invite(client, manager, org_id: str, member, role: str = "serviceman", status: int = 201) -> dict:
    response = await client.post(f"/v1/orgs/{org_id}/members", headers=manager.headers,
                                 json={"user_id": member.id, "role": role})
    assert response.status == status, await response.text()
    return dict(await response.json())


async def _hours(client, who, serviceman) -> int:
    response = await client.put(f"/v1/servicemen/{serviceman.id}/schedule", headers=who.headers,
                                json={"timezone": "UTC", "weekly": ALWAYS_OPEN[:1]})
    return response.status


async def _zones(client, who, serviceman, zone_ids: list[str]) -> int:
    response = await client.put(f"/v1/servicemen/{serviceman.id}/zones", headers=who.headers,
                                json={"zone_ids": zone_ids})
    return response.status


async def _sees_presence(client, who, target) -> bool:
    recorder = await Recorder.connect(str(client.make_url("")).rstrip("/"), who.access_token, [PRESENCE])
    try:
        ack = await subscribe(recorder, [target.id])
    finally:
        await recorder.close()
    return bool(ack["ok"] and ack["data"]["states"])


async def _settled() -> None:
    async def relayed() -> bool:
        return not await OutboxEvent.filter(published_at__isnull=True).exists()

    await wait_until(relayed, 20.0, "the outbox to drain")


async def test_a_stranger_provider_gains_nothing_over_a_serviceman_until_they_accept(client):
    m = await build_market(client, crew_size=1)  # m.provider: the "stranger" firm
    victim = await make_serviceman(client, [m.zone_id], name="Vic")
    invitation = await _invite(client, m.provider, m.org_id, victim)
    # Before the victim says anything: no hours, no zones, no presence, no assignment.
    assert await _hours(client, m.provider, victim) == 403
    assert await _zones(client, m.provider, victim, [m.far_zone_id]) == 403
    assert not await _sees_presence(client, m.provider, victim)
    refused = await book(client, m, serviceman_ids=[victim.id])
    assert refused.status == 422 and (await refused.json())["errors"][0]["field"].endswith("serviceman_ids")
    assert (invitation["status"], invitation["user_id"]) == ("invited", victim.id)
    assert invitation["expires_at"] is not None
    # Nor does the invitation give the victim the stranger's organisation.
    assert (await client.get(f"/v1/orgs/{m.org_id}", headers=victim.headers)).status == 404
    # Their real employer, whom they did accept, manages them.
    employer = await register(client, "provider", name="Real Boss")
    real_org = await ok(await client.post("/v1/orgs", headers=employer.headers, json={"name": "Real Co"}), 201)
    await join_org(client, employer, real_org["id"], victim)
    assert await _hours(client, employer, victim) == 200

    # The victim declines; the stranger's re-invitation is accepted only by an explicit yes.
    mine = await ok(await client.get("/v1/me/invitations", headers=victim.headers))
    assert [(i["organisation_name"], i["role"], i["invited_by"]) for i in mine["items"]] == [
        ("Pipes Ltd", "serviceman", m.provider.id)]
    assert (await client.post(f"/v1/invitations/{invitation['membership_id']}/decline",
                              headers=victim.headers)).status == 204
    assert (await ok(await client.get("/v1/me/invitations", headers=victim.headers)))["items"] == []
    org = await ok(await client.get(f"/v1/orgs/{m.org_id}", headers=m.provider.headers))
    assert victim.id not in {member["user_id"] for member in org["members"]}

    again = await _invite(client, m.provider, m.org_id, victim)
    joined = await ok(await client.post(f"/v1/invitations/{again['membership_id']}/accept", headers=victim.headers))
    assert (joined["status"], joined["organisation_id"], joined["expires_at"]) == ("accepted", m.org_id, None)
    assert await _hours(client, m.provider, victim) == 200
    assert await _sees_presence(client, m.provider, victim)

    # And they can walk away: the firm loses every hold at once.
    assert (await client.post(f"/v1/orgs/{m.org_id}/leave", headers=victim.headers)).status == 204
    assert await _hours(client, m.provider, victim) == 403
    assert await _zones(client, m.provider, victim, [m.far_zone_id]) == 403
    assert not await _sees_presence(client, m.provider, victim)
    assert (await client.post(f"/v1/orgs/{m.org_id}/leave", headers=victim.headers)).status == 404


async def test_only_the_invitee_answers_and_the_owner_cannot_leave(client):
    owner, invitee, other = (await register(client, "provider"), await register(client, "serviceman"),
                             await register(client, "serviceman"))
    org = await ok(await client.post("/v1/orgs", headers=owner.headers, json={"name": "Solo"}), 201)
    [founder] = org["members"]
    assert (founder["user_id"], founder["role"], founder["status"]) == (owner.id, "owner", "accepted")
    invitation = await _invite(client, owner, org["id"], invitee)
    for who in (other, owner):
        for step in ("accept", "decline"):
            response = await client.post(f"/v1/invitations/{invitation['membership_id']}/{step}", headers=who.headers)
            assert response.status == 404
    assert (await _invite(client, owner, org["id"], invitee, status=409))["code"] == "conflict"  # still pending
    left = await client.post(f"/v1/orgs/{org['id']}/leave", headers=owner.headers)
    assert left.status == 409 and (await left.json())["code"] == "conflict"
    # A manager may withdraw an invitation; the invitee then has nothing to accept.
    assert (await client.delete(f"/v1/orgs/{org['id']}/members/{invitee.id}", headers=owner.headers)).status == 204
    assert (await client.post(f"/v1/invitations/{invitation['membership_id']}/accept",
                              headers=invitee.headers)).status == 404


async def test_invitations_expire(client):
    from domain.accounts import invitations  # new in issue 11 (imported here so the file loads on older code)

    owner, late, never = (await register(client, "provider"), await register(client, "serviceman"),
                          await register(client, "serviceman"))
    org = await ok(await client.post("/v1/orgs", headers=owner.headers, json={"name": "Slow"}), 201)
    first = await _invite(client, owner, org["id"], late)
    second = await _invite(client, owner, org["id"], never)
    assert datetime.fromisoformat(first["expires_at"]) > datetime.now(UTC) + timedelta(days=6, hours=23)
    past = datetime.now(UTC) - timedelta(seconds=1)
    await Membership.including_invitations().filter(organisation_id=org["id"], status="invited").update(
        expires_at=past)

    assert (await ok(await client.get("/v1/me/invitations", headers=late.headers)))["items"] == []
    response = await client.post(f"/v1/invitations/{first['membership_id']}/accept", headers=late.headers)
    assert response.status == 410 and (await response.json())["code"] == "gone"
    assert await _hours(client, owner, late) == 403
    assert await invitations.expire_overdue() == 1  # the other one, by the sweep
    assert not await Membership.including_invitations().filter(organisation_id=org["id"], status="invited").exists()
    expired = await AuditRecord.filter(subject_id=org["id"], action="org.member.expire").values_list(
        "before", flat=True)
    assert sorted(b["user_id"] for b in expired) == sorted([late.id, never.id])
    assert second["membership_id"] in {b["membership_id"] for b in expired}
    # Lapsed is not refused: the organisation may ask again.
    await _invite(client, owner, org["id"], late)


async def test_invitations_are_rate_limited_per_invitee_organisation_and_inviter(make_client):
    client = await make_client(org_invitations_per_day=4, org_invitations_per_invitee_per_day=2)
    owner, target = await register(client, "provider"), await register(client, "serviceman")
    org = await ok(await client.post("/v1/orgs", headers=owner.headers, json={"name": "Spam"}), 201)
    for _ in range(2):  # invite, declined, invite again ...
        invitation = await _invite(client, owner, org["id"], target)
        assert (await client.post(f"/v1/invitations/{invitation['membership_id']}/decline",
                                  headers=target.headers)).status == 204
    refused = await client.post(f"/v1/orgs/{org['id']}/members", headers=owner.headers,
                                json={"user_id": target.id, "role": "serviceman"})
    assert refused.status == 429 and (await refused.json())["code"] == "rate_limited"
    assert int(refused.headers["Retry-After"]) > 0
    others = [await register(client, "serviceman") for _ in range(3)]
    for other in others[:2]:
        await _invite(client, owner, org["id"], other)  # 4 sent by this organisation today
    assert (await _invite(client, owner, org["id"], others[2], status=429))["code"] == "rate_limited"
    # A second organisation of the same person does not reset their count.
    second = await ok(await client.post("/v1/orgs", headers=owner.headers, json={"name": "Spam 2"}), 201)
    assert (await _invite(client, owner, second["id"], others[2], status=429))["code"] == "rate_limited"


async def test_every_step_is_audited_and_the_invitee_is_notified_and_pushed(client):
    admin = await make_admin(client)
    owner, member = await register(client, "provider", name="Olga"), await register(client, "serviceman")
    await register_device(client, member)
    org = await ok(await client.post("/v1/orgs", headers=owner.headers, json={"name": "Tidy Co"}), 201)
    invitation = await _invite(client, owner, org["id"], member)
    await _settled()
    [row] = await Notification.filter(user_id=member.id, kind="org.invitation")
    assert (row.title, row.entity_type, row.entity_id) == ("Invitation from Tidy Co", "invitation",
                                                           invitation["membership_id"])
    assert "Olga invited you to join Tidy Co as serviceman" in row.body
    [push] = await PushJob.filter(user_id=member.id, kind="org.invitation")
    assert push.title == "Invitation from Tidy Co" and push.data["membership_id"] == invitation["membership_id"]
    assert push.category == "account_security"

    await ok(await client.post(f"/v1/invitations/{invitation['membership_id']}/accept", headers=member.headers))
    assert (await client.post(f"/v1/orgs/{org['id']}/leave", headers=member.headers)).status == 204
    declined = await _invite(client, owner, org["id"], member)
    await client.post(f"/v1/invitations/{declined['membership_id']}/decline", headers=member.headers)
    await _invite(client, owner, org["id"], member)
    await client.delete(f"/v1/orgs/{org['id']}/members/{member.id}", headers=owner.headers)
    trail = await ok(await client.get("/v1/admin/audit", headers=admin.headers, params={"subject_id": org["id"]}))
    steps = [(r["action"], r["actor_id"]) for r in reversed(trail["items"])]
    assert steps == [("org.member.invite", owner.id), ("org.member.accept", member.id),
                     ("org.member.leave", member.id), ("org.member.invite", owner.id),
                     ("org.member.decline", member.id), ("org.member.invite", owner.id),
                     ("org.member.remove", owner.id)]


async def test_sync_shows_the_invitation_to_the_invitee_and_membership_changes_to_the_crew(client):
    owner, crew, invitee = (await register(client, "provider"), await register(client, "serviceman"),
                            await register(client, "serviceman"))
    org = await ok(await client.post("/v1/orgs", headers=owner.headers, json={"name": "Synced"}), 201)
    await join_org(client, owner, org["id"], crew)
    invitation = await _invite(client, owner, org["id"], invitee)
    await flush(client)
    phone, colleague = Replica(invitee), Replica(crew)
    await phone.pull_once(client)
    await colleague.pull_once(client)
    key = ("memberships", invitation["membership_id"])
    assert phone.rows[key]["status"] == "invited" and phone.rows[key]["organisation_id"] == org["id"]
    assert phone.rows[key]["expires_at"] and phone.rows[key]["invited_by_id"] == owner.id
    assert phone.ids("organisations") == set()  # an invitation shows nothing of the business yet
    assert colleague.rows[key]["status"] == "invited"

    await ok(await client.post(f"/v1/invitations/{invitation['membership_id']}/accept", headers=invitee.headers))
    await flush(client)
    await phone.pull_once(client)
    await colleague.pull_once(client)
    assert phone.rows[key]["status"] == "accepted" and phone.ids("organisations") == {org["id"]}
    assert len(phone.ids("memberships")) == 3  # now the whole crew
    assert colleague.rows[key]["status"] == "accepted"

    assert (await client.post(f"/v1/orgs/{org['id']}/leave", headers=invitee.headers)).status == 204
    await flush(client)
    await phone.pull_once(client)
    await colleague.pull_once(client)
    assert key not in colleague.rows and key not in phone.rows
    assert phone.ids("organisations") == set() and phone.ids("memberships") == set()
