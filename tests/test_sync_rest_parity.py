"""Sync and REST agree on who reads what (issue 11, item 4): in the demo marketplace, for every
synced collection and every demo role, the rows a user pulls are exactly the rows REST lets
them read. Admins are the one asymmetry: REST's admin overrides read everything, while sync
carries only their own scopes (docs/sync.md), so for them the pull is a subset.

REST reads are found by asking: every row of the table is tried through the route that shows
it (a row's own GET, or the parent that lists it), as the user, and counted when it answers.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from tortoise.connection import connections

from app.seed import DEMO_PASSWORD, demo_email, populate
from domain.accounts.passwords import Argon2Params, Passwords
from domain.shared.outbox import OutboxEvent
from sync.collections import BY_NAME, COLLECTIONS
from sync.sqlgen import INSERT_OP, data_sql, id_sql, scopes_sql, version_sql
from tests.conftest import AppFactory
from tests.support.identity import Account, login
from tests.support.sync import Replica, flush
from tests.support.waiting import wait_until

# One account per role, and the two people of the demo the old job rule leaked to.
LOGINS = ("customer", "serviceman", "provider", "enterprise", "admin", "shine", "sparkle")

Key = Any  # a row's id, or a natural key for rows REST lists without an id


async def _rows(sql: str) -> list[dict[str, Any]]:
    _, rows = await connections.get("default").execute_query(sql)
    return [dict(row) for row in rows]


async def _ids(table: str) -> list[str]:
    return [str(row["id"]) for row in await _rows(f'SELECT id FROM "{table}"')]


async def _settled() -> None:
    """Wait until the seed's side effects (notifications, feed items, conversations, written by
    consumers of the outbox) are all written: nothing unpublished and the counts hold still."""
    tables = ("notification", "feed_item", "conversation", "conversation_participant", "message")
    seen: list[list[int]] = []

    async def settled() -> bool:
        # In-process consumers write in the relay's transaction, and what they write records
        # its own events there: nothing pending means nothing on its way. The counts holding
        # still over three reads guards the rest.
        counts = [len(await _rows(f'SELECT 1 FROM "{t}"')) for t in tables]
        pending = await OutboxEvent.filter(published_at=None).count()
        seen.append(counts if pending == 0 else [])
        return len(seen) >= 3 and seen[-1] != [] and seen[-1] == seen[-2] == seen[-3]

    await wait_until(settled, 60, "the demo's side effects to settle", interval=0.1)


class Rest:
    """What one user reads through REST."""

    def __init__(self, client: TestClient, who: Account) -> None:
        self.client, self.who = client, who

    async def get(self, path: str, **query: Any) -> Any:
        response = await self.client.get(f"/v1{path}", headers=self.who.headers, params=query)
        if response.status in (403, 404):
            return None
        assert response.status == 200, f"{path}: {response.status} {await response.text()}"
        return await response.json()

    async def readable(self, table: str, path: str) -> set[str]:
        return {row_id for row_id in await _ids(table) if await self.get(path.format(row_id)) is not None}

    async def pages(self, path: str, **query: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        while True:
            page = await self.get(path, limit=200, **query)
            items += page["items"]
            if not page.get("next_cursor"):
                return items
            query["cursor"] = page["next_cursor"]


async def rest_view(rest: Rest) -> dict[str, set[Key]]:
    """Per collection, the keys of the rows REST shows this user."""
    view: dict[str, set[Key]] = {}
    view["users"] = await rest.readable("user_account", "/users/{}")
    view["organisations"] = await rest.readable("organisation", "/orgs/{}")
    view["memberships"] = set()
    for org_id in view["organisations"]:
        view["memberships"] |= {(org_id, m["user_id"]) for m in (await rest.get(f"/orgs/{org_id}"))["members"]}
    view["zones"] = await rest.readable("zone", "/zones/{}")
    tree = (await rest.get("/categories"))["categories"]
    view["categories"] = {c["id"] for c in tree} | {leaf["id"] for c in tree for leaf in c["children"]}
    view["services"] = await rest.readable("service", "/services/{}")
    storefronts = await _rows("SELECT id, organisation_id FROM storefront")
    assert all(row["organisation_id"] for row in storefronts), "the demo's storefronts are businesses'"
    view["storefronts"] = {str(row["id"]) for row in storefronts
                           if await rest.get(f"/storefronts/{row['organisation_id']}") is not None}
    profiles = await _rows("SELECT id, user_id FROM serviceman_profile")
    view["serviceman_profiles"] = {str(row["id"]) for row in profiles
                                   if await rest.get(f"/servicemen/{row['user_id']}/profile") is not None}
    await _bookings(rest, view)
    await _jobs(rest, view)
    # Verification documents (issue 15): sync carries your own (REST also shows crew's to managers).
    mine = await rest.get(f"/servicemen/{rest.who.id}/verification/documents")
    view["verification_documents"] = {d["id"] for d in (mine or {"documents": []})["documents"]
                                      if d["owner_id"] == rest.who.id}
    # Flags and remote config (issue 20): sync carries the stored client-visible ones (every built-in
    # key among them: each start stores their defaults), capabilities shows them.
    capabilities = await rest.get("/capabilities")
    stored = {row["key"] for row in await _rows("SELECT key FROM flag WHERE client_visible")}
    view["config"] = set((capabilities or {"features": {}})["features"]) & stored
    # Reviews have no per-party REST read (the public list shows visible reviews of any
    # serviceman): sync carries the reviews of the bookings you read, and those about you.
    reviews = await _rows("SELECT id, booking_id, subject_id FROM review")
    view["reviews"] = {str(r["id"]) for r in reviews
                       if str(r["booking_id"]) in view["bookings"] or str(r["subject_id"]) == rest.who.id}
    await _conversations(rest, view)
    view["notifications"] = {n["id"] for n in await rest.pages("/notifications")}
    # Devices have no REST read (a client registers and removes its own token): your own rows.
    view["devices"] = {str(r["id"]) for r in await _rows(
        f"SELECT id FROM device WHERE user_id = '{rest.who.id}'")}
    view["feed_items"] = {item["id"] for item in await rest.pages("/feed", after=0)}
    await _payments(rest, view)
    # Uploads: sync carries your own (metadata only); REST also shows files attached where you
    # read (a message's attachment, a profile photo), which reach you through their holders.
    view["uploads"] = await rest.readable("upload", "/uploads/{}") & {str(r["id"]) for r in await _rows(
        f"SELECT id FROM upload WHERE owner_id = '{rest.who.id}'")}
    await _disputes(rest, view)
    # Consent (issue 18): your own records and acceptances (acceptances keyed by kind and version).
    view["consents"] = {str(r["id"]) for r in (await rest.get("/me/consents"))["history"]}
    view["policy_acceptances"] = {(a["kind"], a["version"]) for a in
                                  (await rest.get("/me/policy-acceptances"))["accepted"]}
    return view


async def _disputes(rest: Rest, view: dict[str, set[Key]]) -> None:
    """Disputes of the bookings you read (admins: every dispute), with the entries you may see."""
    view["disputes"], view["dispute_entries"] = set(), set()
    for row in await _rows("SELECT id FROM dispute"):
        dispute = await rest.get(f"/disputes/{row['id']}")
        if dispute is not None:
            view["disputes"].add(str(row["id"]))
            view["dispute_entries"] |= {e["id"] for e in dispute["timeline"]}


async def _payments(rest: Rest, view: dict[str, set[Key]]) -> None:
    view["payment_cases"] = await rest.readable("payment_case", "/payment-cases/{}")
    view["payment_milestones"] = set()
    for case_id in view["payment_cases"]:
        case = await rest.get(f"/payment-cases/{case_id}")
        view["payment_milestones"] |= {(case_id, m["position"]) for m in case["milestones"]}
    # Balances have no REST read in this wave (statements: issue 13 item 10): a payee's rows are
    # the user's own and those of the businesses they own or manage (membership accepted).
    view["balances"] = {str(r["id"]) for r in await _rows(
        f"SELECT b.id FROM payee_balance b WHERE b.owner = 'user:{rest.who.id}' OR b.owner IN ("
        f"SELECT 'org:' || m.organisation_id FROM membership m WHERE m.user_id = '{rest.who.id}' "
        f"AND m.role IN ('owner', 'manager') AND m.status = 'accepted')")}
    # Payouts: what each payee's REST list shows the user.
    view["payouts"] = set()
    for row in await _rows("SELECT DISTINCT owner FROM payout"):
        page = await rest.get(f"/payees/{row['owner']}/payouts", limit=200)
        if page is not None:
            view["payouts"] |= {item["id"] for item in page["items"]}
    # Payout accounts (eligibility): what each payee's payout-account route shows the user.
    view["payout_accounts"] = {str(row["id"]) for row in await _rows("SELECT id, owner FROM payee_account")
                               if await rest.get(f"/payees/{row['owner']}/payout-account") is not None}


async def _bookings(rest: Rest, view: dict[str, set[Key]]) -> None:
    view["bookings"] = await rest.readable("booking", "/bookings/{}")
    view["booking_assignments"], transitions = set(), Counter[Key]()
    for booking_id in view["bookings"]:
        booking = await rest.get(f"/bookings/{booking_id}")
        view["booking_assignments"] |= {(booking_id, c["serviceman_id"]) for c in booking["crew"]}
        transitions.update((booking_id, t["from_state"], t["to_state"]) for t in booking["transitions"])
    view["booking_transitions"] = {(key, n) for key, n in transitions.items()}


async def _jobs(rest: Rest, view: dict[str, set[Key]]) -> None:
    view["jobs"] = await rest.readable("job", "/jobs/{}")
    view["bids"], view["job_comments"] = set(), set()
    for job_id in view["jobs"]:
        bids = [bid["id"] for bid in (await rest.get(f"/jobs/{job_id}"))["bids"]]
        view["bids"] |= set(bids)
        for thread in (None, *bids):
            query = {"bid_id": thread} if thread else {}
            view["job_comments"] |= {c["id"] for c in await rest.pages(f"/jobs/{job_id}/comments", **query)}


async def _conversations(rest: Rest, view: dict[str, set[Key]]) -> None:
    view["conversations"], view["messages"], view["read_states"] = set(), set(), set()
    for conversation_id in await _ids("conversation"):
        conversation = await rest.get(f"/conversations/{conversation_id}")
        if conversation is None or conversation["role"] is None:  # an admin looking in takes no part
            continue
        view["conversations"].add(conversation_id)
        view["read_states"] |= {(conversation_id, p["user_id"]) for p in conversation["participants"]}
        after = 0
        while after is not None:
            page = await rest.get(f"/conversations/{conversation_id}/messages", after_seq=after, limit=200)
            view["messages"] |= {m["id"] for m in page["items"]}
            after = page["next_after_seq"]


def sync_view(replica: Replica) -> dict[str, set[Key]]:
    """Per collection, the keys of the rows the user's device holds, keyed as rest_view keys them."""
    view: dict[str, set[Key]] = {c.name: set() for c in COLLECTIONS}
    transitions = Counter[Key]()
    for (collection, row_id), row in replica.rows.items():
        if collection == "memberships":
            view[collection].add((row["organisation_id"], row["user_id"]))
        elif collection == "booking_assignments":
            view[collection].add((row["booking_id"], row["serviceman_id"]))
        elif collection == "booking_transitions":
            transitions[(row["booking_id"], row["from_state"], row["to_state"])] += 1
        elif collection == "payment_milestones":
            view[collection].add((row["case_id"], row["position"]))
        elif collection == "policy_acceptances":
            view[collection].add((row["kind"], row["version"]))
        elif collection == "read_states":
            if row["left_at"] is None:  # REST lists the active participants
                view[collection].add((row["conversation_id"], row["user_id"]))
        else:
            view[collection].add(row_id)
    view["booking_transitions"] = {(key, n) for key, n in transitions.items()}
    return view


async def _restore_category_ops() -> None:
    """The suite's truncation keeps the reference taxonomy but empties the op log: put the
    categories' ops back, as the backfill of a fresh database's migration writes them."""
    c = BY_NAME["categories"]
    await connections.get("default").execute_script(
        f"{INSERT_OP} SELECT pg_current_xact_id()::text::bigint, '{c.name}', {id_sql(c, 't')}, s, 'u', "
        f"{version_sql(c, 't')}, {data_sql(c, 't')} FROM category AS t, unnest({scopes_sql(c, 't')}) AS s")


@pytest.fixture
async def demo(make_client: AppFactory) -> TestClient:
    client = await make_client()
    await _restore_category_ops()
    await populate(Passwords(Argon2Params(1, 8192, 1)))
    await _settled()
    await flush(client)
    return client


async def test_every_demo_user_pulls_exactly_what_rest_lets_them_read(demo: TestClient) -> None:
    client = demo
    differences: list[str] = []
    for name in LOGINS:
        who = await login(client, demo_email(name), DEMO_PASSWORD)
        replica = Replica(who)
        await replica.catch_up(client)
        pulled, read = sync_view(replica), await rest_view(Rest(client, who))
        assert set(read) == set(pulled), "every synced collection has its REST reading above"
        for collection in sorted(pulled):
            extra, missing = pulled[collection] - read[collection], read[collection] - pulled[collection]
            if name == "admin":
                missing = set()  # REST's admin overrides read everything; sync holds their own scopes
            if extra or missing:
                differences.append(f"{name} / {collection}: synced but refused by REST {sorted(extra)}; "
                                   f"readable by REST but not synced {sorted(missing)}")
    assert not differences, "\n".join(differences)


async def test_a_job_reaches_its_trade_and_follows_trade_changes(demo: TestClient) -> None:
    """The audience in motion: the kitchen-tap job (plumbing.fixture-installation, Riverside)
    reaches neither the cleaner of Riverside nor the owners of the businesses serving it; the
    water-heater specialist of Riverside gains it (sync and REST alike) when she takes up
    plumbing as a trade, and loses it when she drops it again."""
    client = demo
    tap = str((await _rows("SELECT id FROM job WHERE title = 'Replace the kitchen tap'"))[0]["id"])
    for name in ("shine", "provider", "sparkle"):
        replica = Replica(await login(client, demo_email(name), DEMO_PASSWORD))
        await replica.catch_up(client)
        assert tap not in replica.ids("jobs"), name

    pipes = await login(client, demo_email("pipes"), DEMO_PASSWORD)
    device, rest = Replica(pipes), Rest(client, pipes)
    await device.catch_up(client)
    assert tap not in device.ids("jobs") and await rest.get(f"/jobs/{tap}") is None
    url = f"/v1/servicemen/{pipes.id}/profile"
    profile = await rest.get(f"/servicemen/{pipes.id}/profile")
    body = {key: profile[key] for key in ("bio", "category_ids", "home_lat", "home_lng")}
    for trades, sees in ((["plumbing", *body["category_ids"]], True), (body["category_ids"], False)):
        response = await client.put(url, headers=pipes.headers, json={**body, "category_ids": trades})
        assert response.status == 200, await response.text()
        await flush(client)
        await device.catch_up(client)
        assert (tap in device.ids("jobs")) is sees
        assert (await rest.get(f"/jobs/{tap}") is not None) is sees
