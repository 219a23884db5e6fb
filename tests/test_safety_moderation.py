"""Trust and safety (issue 15, acceptance 3): reports of the same thing make one queue item with
an exact count, flagged content lands in the same queue, and every decision is audited and told
to the reported party with its reason."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from app.bootstrap import CONTAINER
from domain.accounts.models import User, UserStatus
from domain.audit.models import AuditRecord
from domain.notifications.models import Notification
from tests.support.bookings import build_market, job_body, ok
from tests.support.identity import make_admin, register
from tests.support.messaging import make_booking, make_org, open_conversation, send_rest
from tests.support.payments import problem
from tests.support.safety import decide, item_of, notices, queue, report


async def _conversation_of_six(client):
    """A booking conversation: the sender (crew), another crew member, the customer, the owner
    and two managers of the provider: five people who can see the sender's message."""
    people = [await register(client, role) for role in ("customer", "serviceman", "serviceman", "provider",
                                                        "provider", "provider")]
    customer, sender, crew, owner, manager_a, manager_b = people
    org_id = await make_org(owner.id, managers=(manager_a.id, manager_b.id), crew=(sender.id, crew.id))
    booking_id = await make_booking(customer.id, org_id=org_id, crew=(sender.id, crew.id))
    conversation = await open_conversation(client, customer, kind="booking", booking_id=booking_id)
    return sender, [customer, crew, owner, manager_a, manager_b], conversation["id"]


async def test_five_concurrent_reports_of_one_message_make_one_item_counting_five(make_client):
    client = await make_client()
    admin = await make_admin(client)
    sender, reporters, conversation_id = await _conversation_of_six(client)
    message = await send_rest(client, sender, conversation_id, "See you on Tuesday, bring the spare key.")
    filed = await asyncio.gather(*(report(client, who, "message", message["id"], "harassment") for who in reporters))
    assert all(f["counted"] for f in filed) and len({f["item_id"] for f in filed}) == 1
    items = [i for i in await queue(client, admin, kind="message") if i["subject_id"] == message["id"]]
    assert len(items) == 1
    item = items[0]
    assert item["report_count"] == 5 and item["party_id"] == sender.id and item["state"] == "open"
    assert item["reasons"] == ["harassment"] and "bring the spare key" in item["excerpt"]
    # The same user again counts nothing; the sender cannot report their own message; a stranger
    # cannot tell the message exists.
    again = await report(client, reporters[0], "message", message["id"], "spam")
    assert again["counted"] is False
    await problem(await report(client, sender, "message", message["id"], status=409), 409, "conflict")
    stranger = await register(client, "customer")
    await problem(await report(client, stranger, "message", message["id"], status=404), 404, "not_found")
    assert (await item_of(client, admin, "message", message["id"]))["report_count"] == 5
    assert [i["report_count"] for i in await queue(client, admin, min_reports=5)] == [5]


async def test_a_flagged_job_post_and_a_flagged_message_share_the_queue(make_client):
    client = await make_client()
    m = await build_market(client)
    scam = "Great price if you pay by bank transfer to skip the app fees."
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body(description=scam)), 201)
    flagged = await item_of(client, m.admin, "job", job["id"])
    assert flagged["sources"] == ["screen"] and "off_platform_payment" in flagged["reasons"]
    assert flagged["party_id"] == m.customer.id and flagged["report_count"] == 0
    sender, _, conversation_id = await _conversation_of_six(client)
    message = await send_rest(client, sender, conversation_id, "Send the deposit via western union today.")
    assert message["flagged"] is True
    await item_of(client, m.admin, "message", message["id"])
    kinds = {i["subject_kind"] for i in await queue(client, m.admin, source="screen")}
    assert {"job", "message"} <= kinds
    # A job that says nothing suspicious is not in the queue.
    plain = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    assert plain["id"] not in {i["subject_id"] for i in await queue(client, m.admin, state="all", kind="job")}


async def test_each_decision_is_audited_and_the_reported_party_is_told_why(make_client):
    client = await make_client()
    admin = await make_admin(client)
    sender, reporters, conversation_id = await _conversation_of_six(client)
    first = await send_rest(client, sender, conversation_id, "Hello there.")
    second = await send_rest(client, sender, conversation_id, "Hello again.")
    item = (await report(client, reporters[0], "message", first["id"]))["item_id"]
    other = (await report(client, reporters[1], "message", second["id"]))["item_id"]
    # Only admins decide; a warning needs a reason the sender will read.
    await problem(await decide(client, reporters[0], item, "dismiss", status=403), 403, "forbidden")
    await problem(await decide(client, admin, item, "warn", status=422), 422, "validation_failed")
    warned = await decide(client, admin, item, "warn", "Threatening language towards the customer.")
    assert warned["state"] == "actioned" and warned["decisions"][0]["action"] == "warn"
    await problem(await decide(client, admin, item, "dismiss", status=409), 409, "conflict")  # decided already
    notice = next(n for n in await notices(client, sender) if n["kind"] == "moderation.warn")
    assert notice["data"]["reason"] == "Threatening language towards the customer."
    assert "Threatening language" in notice["body"] and notice["entity_id"] == first["id"]
    # Dismissing tells the sender nothing.
    await decide(client, admin, other, "dismiss")
    assert not [n for n in await notices(client, sender) if n["entity_id"] == second["id"]]
    audited = await AuditRecord.filter(subject_type="moderation_item").order_by("id").values_list("action",
                                                                                                  "subject_id")
    assert audited == [("moderation.warn", item), ("moderation.dismiss", other)]


async def test_a_temporary_suspension_locks_the_user_out_tells_them_why_and_ends(make_client):
    client = await make_client()
    admin = await make_admin(client)
    sender, reporters, _ = await _conversation_of_six(client)
    item = (await report(client, reporters[0], "user", sender.id, "scam", note="asked for my card number"))["item_id"]
    detail = await ok(await client.get(f"/v1/admin/moderation/{item}", headers=admin.headers))
    assert detail["reports"][0]["note"] == "asked for my card number"
    assigned = await ok(await client.post(f"/v1/admin/moderation/{item}/assign", headers=admin.headers, json={}))
    assert assigned["assignee_id"] == admin.id
    assert [i["id"] for i in await queue(client, admin, assignee=admin.id)] == [item]
    until = datetime.now(UTC) + timedelta(days=3)
    await decide(client, admin, item, "suspend", "Repeated attempts to take payment outside the app.",
                 until=until.isoformat())
    assert (await User.get(id=sender.id)).status is UserStatus.SUSPENDED
    refused = await client.get("/v1/notifications", headers=sender.headers)  # the token was revoked
    assert refused.status == 401
    notice = await _notice_after_login(sender, "moderation.suspend")
    assert notice["data"]["reason"] == "Repeated attempts to take payment outside the app."
    assert notice["data"]["until"] is not None and "until" in notice["title"]
    # The timer lifts it once the end passed (and not before).
    moderation = client.server.app[CONTAINER].safety.moderation
    assert await moderation.lift_due(datetime.now(UTC)) == 0
    assert await moderation.lift_due(until + timedelta(seconds=1)) == 1
    assert (await User.get(id=sender.id)).status is UserStatus.ACTIVE
    actions = await AuditRecord.filter(subject_id__in=[item, sender.id]).order_by("id").values_list("action", flat=True)
    assert actions == ["moderation.assign", "user.suspend", "moderation.suspend", "user.reinstate"]


async def _notice_after_login(who, kind):
    """The notice waits in the suspended user's notification centre (read from the database: their
    token no longer works)."""
    rows = await Notification.filter(user_id=who.id, kind=kind).values()
    assert len(rows) == 1
    return rows[0]
