"""How a pull page is built on PostgreSQL: a snapshot page holds a row seen through two of the
caller's scopes once, whatever the page size; the snapshot's planner settings end with its
transaction; the response body is the JSON orjson would have written."""

from __future__ import annotations

from uuid import uuid4

import orjson
import pytest
from tortoise.connection import connections

from domain.accounts.models import Membership, MembershipStatus, Organisation, OrgRole
from sync import queries
from sync.cursor import NO_CLIENT, Cursor
from sync.dialect import POSTGRES
from sync.pull import Db, Page
from tests.support.identity import register
from tests.support.sync import Replica, flush, make_booking


async def test_a_row_seen_through_two_scopes_comes_once_in_a_snapshot_page(client):
    owner, manager, customer = [await register(client, role) for role in ("provider", "serviceman", "customer")]
    org = await Organisation.create(name="Pipes", owner_id=owner.id)
    await Membership.create(organisation=org, user_id=owner.id, role=OrgRole.OWNER, status=MembershipStatus.ACCEPTED)
    await Membership.create(organisation=org, user_id=manager.id, role=OrgRole.MANAGER,
                            status=MembershipStatus.ACCEPTED)
    crewed = [await make_booking(customer.id, org_id=str(org.id), crew=(manager.id,)) for _ in range(5)]
    others = [await make_booking(customer.id, org_id=str(org.id)) for _ in range(4)]
    await flush(client)  # each crewed booking is in the manager's org scope and in its own booking scope

    for limit in (1000, 7, 3, 1):
        replica, seen = Replica(manager), []
        while True:
            page = await replica.pull_once(client, limit=limit)
            keys = [(c["collection"], c["id"]) for c in page["changes"]]
            assert len(keys) == len(set(keys)), f"a row twice in one page of {limit}"
            assert len(keys) <= limit
            seen += keys
            if page["complete"]:
                break
        assert replica.ids("bookings") == set(crewed + others), limit
        if limit == 1000:
            assert len(seen) == len(set(seen))  # one page: every row once


async def test_the_snapshot_planner_settings_end_with_its_transaction(client):
    async with connections.get("default").acquire_connection() as raw:
        conn = Db(POSTGRES.conn(raw), POSTGRES)
        async with conn.planned(queries.SNAPSHOT_PLANNER):
            assert await conn.fetchval("SHOW enable_bitmapscan") == "off"
            assert await conn.fetchval("SHOW enable_sort") == "off"
        assert await conn.fetchval("SHOW enable_bitmapscan") == "on"
        with pytest.raises(RuntimeError):
            async with conn.planned(queries.SNAPSHOT_PLANNER):
                raise RuntimeError("the page failed")
        assert await conn.fetchval("SHOW enable_sort") == "on"
        assert not raw.is_in_transaction()
        async with conn.planned(None):  # SQLite's: nothing to set
            assert not raw.is_in_transaction()


@pytest.mark.unit
@pytest.mark.parametrize("parts", [[], [b'{"a":1}'], [b'{"a":1},{"b":2}', b'{"c":3}']])
def test_the_response_is_the_json_orjson_writes(parts):
    cursor = Cursor(uuid4(), NO_CLIENT, 0, 1, 5)
    rest = {"cursor": "abc", "has_more": False, "complete": True, "last_mutation_id": 4}
    expected = orjson.dumps({"changes": orjson.Fragment(b"[" + b",".join(parts) + b"]"), **rest})
    assert Page(parts, 0, cursor, False).response(orjson.dumps(rest)) == expected
    assert orjson.loads(expected)["changes"] == [orjson.loads(p) for part in parts for p in _split(part)]


def _split(part: bytes) -> list[bytes]:
    return [b"{" + piece.strip(b"{}") + b"}" for piece in part.split(b"},{")]
