"""Provider verification gates work, live (issue 15, acceptance 1 and 2): an insurance three days
from expiry gets a reminder (push + in-app); once the clock passes its expiry the timer lapses it
and the serviceman drops out of matching, gets 403 naming the document on bid, stops receiving
gas jobs on the feed and loses them from sync; approving a renewal restores all of it in one
commit. The rule is data: changing a category's requirements changes eligibility at once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from push.models import PushJob
from tests.support.bookings import CENTRE, book, build_market, make_serviceman, make_zone, ok
from tests.support.bus import wait_until
from tests.support.catalog import published_service
from tests.support.identity import Account, join_org, make_admin, register
from tests.support.notifications import notifications_of, register_device
from tests.support.sync import Replica, flush
from tests.support.verification import (
    FAR_FUTURE,
    GAS,
    bid,
    candidates,
    fields_for,
    gas_engineer,
    gas_job,
    service_of,
    submit,
    verify,
)
from tests.support.verification import approve as approve_document


async def _post(client: Any, customer: Account, **overrides: Any) -> dict[str, Any]:
    return dict(await ok(await client.post("/v1/jobs", headers=customer.headers, json=gas_job(**overrides)), 201))


async def _feed_ids(client: Any, who: Account) -> set[str]:
    body = await ok(await client.get("/v1/feed", headers=who.headers))
    return {item["entity_id"] for item in body["items"]}


async def _fed(client: Any, witness: Account, job_id: str) -> None:
    """Wait until the feed consumer handled the job (the witness, verified, received it)."""
    async def arrived() -> bool:
        return job_id in await _feed_ids(client, witness)

    await wait_until(arrived, 30, "the job in the witness's feed")


async def _synced(client: Any, replica: Replica) -> None:
    await flush(client)
    await replica.catch_up(client)


def _profile(replica: Replica) -> dict[str, Any]:
    [row] = [row for (name, _), row in replica.rows.items()
             if name == "serviceman_profiles" and row["user_id"] == replica.who.id]
    return row


async def test_a_lapsed_insurance_closes_every_gate_and_its_renewal_reopens_them(client: Any) -> None:
    admin = await make_admin(client)
    zone = await make_zone(client, admin, *CENTRE)
    customer = await register(client, "customer")
    soon = (date.today() + timedelta(days=3)).isoformat()
    gail, insurance = await gas_engineer(client, admin, zone, insurance_expiry=soon)
    witness, _ = await gas_engineer(client, admin, zone, name="Otis")  # stays verified throughout
    await register_device(client, gail, app="provider")
    service = service_of(client)

    # Three days before expiry: the 7-day reminder, once (push + in-app).
    assert await service.run_timers() == 1
    assert await service.run_timers() == 0

    async def reminded() -> bool:
        return await PushJob.filter(user_id=gail.id, kind="verification.reminder").exists()

    await wait_until(reminded, 30, "the reminder push")
    inbox = await notifications_of(client, gail)
    [notice] = [n for n in inbox["items"] if n["kind"] == "verification.reminder"]
    assert "insurance" in notice["body"] and "PL-99887766" not in str(notice)

    first = await _post(client, customer)
    await _fed(client, witness, first["id"])
    assert first["id"] in await _feed_ids(client, gail)
    assert gail.id in await candidates(client, customer)
    replica = Replica(gail)
    await _synced(client, replica)
    assert first["id"] in replica.ids("jobs")

    # The clock passes the expiry: the timer lapses the insurance, and every gate closes with that commit.
    expired = datetime.fromisoformat(insurance["expires_at"]) + timedelta(minutes=1)
    assert await service.run_timers(now=expired) == 1
    assert gail.id not in await candidates(client, customer)
    refused = await bid(client, gail, first["id"])
    assert refused.status == 403
    assert "insurance" in (await refused.json())["detail"]
    second = await _post(client, customer)
    await _fed(client, witness, second["id"])
    assert second["id"] not in await _feed_ids(client, gail)
    await _synced(client, replica)
    assert first["id"] not in replica.ids("jobs") and second["id"] not in replica.ids("jobs")
    states = {row["credential"]: row["state"] for (name, _), row in replica.rows.items()
              if name == "verification_documents" and row["credential"] == "insurance"}
    assert states == {"insurance": "lapsed"}
    assert "insurance" not in _profile(replica)["verified_documents"]

    # A renewal, approved: the same gates open again in one commit.
    renewal = await submit(client, gail, gail.id, "insurance", fields=fields_for("insurance", FAR_FUTURE),
                           replaces_id=insurance["id"])
    await approve_document(client, admin, renewal["id"])
    assert gail.id in await candidates(client, customer)
    assert (await bid(client, gail, second["id"])).status == 201
    third = await _post(client, customer)
    await _fed(client, witness, third["id"])
    assert third["id"] in await _feed_ids(client, gail)
    await _synced(client, replica)
    assert {first["id"], second["id"], third["id"]} <= replica.ids("jobs")
    assert "insurance" in _profile(replica)["verified_documents"]


async def test_gas_work_needs_gas_safe_and_the_rule_is_data(client: Any) -> None:
    admin = await make_admin(client)
    zone = await make_zone(client, admin, *CENTRE)
    customer = await register(client, "customer")
    engineer, _ = await gas_engineer(client, admin, zone)
    plumber = await make_serviceman(client, [zone], ["gas", "plumbing"], name="Pat")  # gas trade, no documents
    await verify(client, admin, plumber, "photo_id")
    await verify(client, admin, plumber, "insurance")
    gas = await _post(client, customer)
    assert await candidates(client, customer) == [engineer.id]
    refused = await bid(client, plumber, gas["id"])
    assert refused.status == 403 and "gas_safe" in (await refused.json())["detail"]
    assert (await bid(client, engineer, gas["id"])).status == 201

    # Plumbing needs nothing yet: the plumber bids. Then an admin requires NICEIC of plumbing.
    leak = dict(await ok(await client.post("/v1/jobs", headers=customer.headers, json=gas_job(
        category_id="plumbing.leak-repair")), 201))
    placed = await ok(await bid(client, plumber, leak["id"]), 201)
    assert plumber.id in await candidates(client, customer, "plumbing.leak-repair")
    try:
        changed = await ok(await client.put("/v1/admin/categories/plumbing/requirements", headers=admin.headers,
                                            json={"credentials": ["niceic"]}))
        assert changed == {"category_id": "plumbing", "own": ["niceic"], "effective": ["niceic"]}
        inherited = await ok(await client.get("/v1/categories/plumbing.leak-repair/requirements"))
        assert inherited["effective"] == ["niceic"] and inherited["own"] == []
        assert plumber.id not in await candidates(client, customer, "plumbing.leak-repair")
        # The open job's copy moved with the rule: the accepted bid cannot make them its crew.
        accept = await client.post(f"/v1/jobs/{leak['id']}/bids/{placed['id']}/accept", headers=customer.headers,
                                    json={})
        assert accept.status == 403 and "niceic" in (await accept.json())["detail"]
        replica = Replica(plumber)
        await _synced(client, replica)
        assert leak["id"] in replica.ids("jobs")  # still theirs as a bidder, no longer as the audience
        assert (await ok(await client.get("/v1/jobs", headers=plumber.headers, params={"scope": "open"})))[
            "items"] == []
        # The engineer proves NICEIC: the rule now admits them.
        await verify(client, admin, engineer, "accreditation", fields=fields_for("accreditation", scheme="niceic"))
        assert engineer.id not in await candidates(client, customer, "plumbing.leak-repair")  # not their trade
    finally:
        await ok(await client.put("/v1/admin/categories/plumbing/requirements", headers=admin.headers,
                                  json={"credentials": []}))
    assert plumber.id in await candidates(client, customer, "plumbing.leak-repair")
    assert (await client.get(f"/v1/categories/{GAS}/requirements")).status == 200


async def test_a_manager_cannot_make_an_unverified_serviceman_crew_of_gas_work(client: Any) -> None:
    m = await build_market(client, crew_size=1)
    gas_service = await published_service(client, m.provider, m.admin, m.zone_id, org_id=m.org_id, category_id=GAS)
    engineer, _ = await gas_engineer(client, m.admin, m.zone_id)
    await join_org(client, m.provider, m.org_id, engineer)
    unverified = m.crew[0]
    await ok(await client.put(f"/v1/servicemen/{unverified.id}/profile", headers=unverified.headers,
                              json={"category_ids": ["plumbing", "gas"], "bio": "Pipes and boilers"}))
    refused = await book(client, m, service_id=gas_service["id"], serviceman_ids=[unverified.id])
    assert refused.status == 403 and "gas_safe" in (await refused.json())["detail"]
    booking = await ok(await book(client, m, service_id=gas_service["id"], serviceman_ids=[engineer.id]), 201)
    swap = await client.put(f"/v1/bookings/{booking['id']}/assignments", headers=m.provider.headers,
                             json={"serviceman_ids": [unverified.id], "version": booking["version"]})
    assert swap.status == 403 and "insurance" in (await swap.json())["detail"]
    crew = await ok(await client.get(f"/v1/orgs/{m.org_id}/verification/crew", headers=m.provider.headers))
    blocked = {member["user_id"]: member["blocked"] for member in crew["crew"]}
    assert blocked[engineer.id] == [] and {b["category_id"] for b in blocked[unverified.id]} >= {"gas", GAS}
