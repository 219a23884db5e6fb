"""Who may report what (issue 15): a report names a thing by id, so it must not tell a user about
things they cannot see (404, as reading it would); public things anyone signed in may report."""

from __future__ import annotations

from tests.support.bookings import build_market, job_body, ok
from tests.support.payments import problem
from tests.support.safety import report


async def test_private_things_are_reported_only_by_those_who_see_them(client):
    m = await build_market(client)
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=m.crew[0].headers,
                                     json={"amount": {"amount": 7000, "currency": "USD"}}), 201)
    thread = await ok(await client.post(f"/v1/jobs/{job['id']}/comments", headers=m.crew[0].headers,
                                        json={"body": "Can I see the boiler first?", "bid_id": bid["id"]}), 201)
    # The outsider works in another zone: the job, its bid and the bid's thread are not theirs to see.
    for kind, subject_id in (("job", job["id"]), ("bid", bid["id"]), ("comment", thread["id"])):
        response = await report(client, m.outsider, kind, subject_id, status=404)
        await problem(response, 404, "not_found")
    # Another crew member of the zone sees the open job, but not someone else's bid or its thread.
    await report(client, m.crew[1], "job", job["id"], "spam")
    for kind, subject_id in (("bid", bid["id"]), ("comment", thread["id"])):
        await problem(await report(client, m.crew[1], kind, subject_id, status=404), 404, "not_found")
    # The job's customer sees both; a published listing and a user are public.
    await report(client, m.customer, "bid", bid["id"], "off_platform")
    await report(client, m.customer, "comment", thread["id"], "harassment")
    await report(client, m.outsider, "service", m.service_id, "fake")
    await report(client, m.outsider, "user", m.crew[0].id, "unsafe")
    await problem(await report(client, m.outsider, "user", "not-a-uuid", status=404), 404, "not_found")
    response = await client.post("/v1/reports", json={"kind": "user", "subject_id": m.crew[0].id, "reason": "spam"})
    assert response.status == 401
