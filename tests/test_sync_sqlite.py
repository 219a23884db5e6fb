"""Delta sync on SQLite (the `./dev run` demo): the triggers of sync/sqlgen_sqlite.py capture
every collection, and the PostgreSQL suites' essential behaviours hold there too. Imported test
functions run here against the app on a fresh SQLite file (tests/sqlite_app.py overrides the
`client` and `make_client` fixtures for this module)."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_sync_access import (
    test_a_row_still_visible_through_another_scope_is_not_revoked,
    test_concurrent_gain_and_loss_of_the_same_booking,
    test_newly_assigned_serviceman_receives_the_old_booking_and_loses_it_when_removed,
    test_open_jobs_reach_the_servicemen_of_their_zone_and_bids_stay_private,
    test_random_access_changes_converge,
)
from tests.test_sync_capture import FACTORIES, test_ops_belong_to_the_writing_transaction
from tests.test_sync_capture import test_bulk_update_and_delete_are_captured as capture_of
from tests.test_sync_named_mutations import (
    test_booking_accept_and_bid_place_offline_are_the_rest_use_cases,
    test_message_send_offline_is_idempotent_and_heard_once_with_the_cursor,
)
from tests.test_sync_order import test_a_transaction_is_never_split_across_pages
from tests.test_sync_poke import test_a_change_pokes_the_users_whose_scope_it_touched
from tests.test_sync_pull import (
    test_an_old_or_foreign_position_must_resync,
    test_checksums_match_what_the_client_holds,
    test_cursors_are_signed_and_bound_to_user_client_and_collections,
    test_deltas_carry_tombstones_and_one_change_per_row_per_page,
    test_snapshot_paged_while_writes_go_on_then_deltas_equal_a_fresh_snapshot,
    test_the_collections_filter,
)
from tests.test_sync_push import (
    test_a_client_id_belongs_to_one_user,
    test_a_failed_mutation_leaves_nothing_behind,
    test_a_pushed_write_pulled_back_is_no_news,
    test_conflicts_rejections_and_independent_mutations,
    test_the_same_batch_twice_applies_once_even_concurrently,
)
from tests.test_sync_retention import (
    test_compaction_keeps_what_valid_cursors_need_and_sends_older_ones_to_resync,
    test_nothing_to_compact_inside_the_window,
)
from tests.test_sync_rows import (
    test_every_collection_row_validates_from_insert_through_update_to_delete,
    test_the_spec_has_a_row_schema_per_collection_and_changes_discriminated_by_it,
)
from tests.test_sync_story import (
    test_a_participant_added_removed_and_added_again_converges,
    test_offline_for_a_day_new_crew_and_past_retention,
)
from tests.test_sync_visibility import test_concurrent_writers_see_their_commit_at_the_position_they_get

__all__ = ["client", "make_client", "sqlite_template"]


async def test_every_collection_is_captured_with_bulk_update_and_delete(client) -> None:
    for name in sorted(FACTORIES):
        await capture_of(client, name)


async def test_rows_have_the_registry_fields_with_postgresql_shapes(client) -> None:
    """Same keys as the registry, timestamps as PostgreSQL's sync_ts writes them, booleans and
    JSON columns as JSON values (not 0/1 or quoted text)."""
    import re

    import orjson
    from tortoise.connection import connections

    from sync.collections import BY_NAME
    from sync.sqlgen_sqlite import column_kinds

    kinds = column_kinds()
    for name in sorted(FACTORIES):
        collection = BY_NAME[name]
        pk = await FACTORIES[name][1]()
        _, rows = await connections.get("default").execute_query(
            "SELECT data FROM sync_op_pending WHERE collection = ?1 AND row_id = ?2 AND op = 'u' "
            "UNION ALL SELECT data FROM sync_op WHERE collection = ?1 AND row_id = ?2 AND op = 'u'", [name, pk])
        data = orjson.loads(rows[0]["data"])
        assert list(data) == [f.key for f in collection.fields], name
        for f in collection.fields:
            value = data[f.key]
            if f.sql.startswith("sync_ts(") and value is not None:
                assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", value), (name, f.key, value)
            kind = kinds.get((collection.table, f.columns[0])) if len(f.columns) == 1 else None
            if kind == "bool" and f.sql.endswith(f'"{f.columns[0]}"'):
                assert isinstance(value, bool), (name, f.key, value)
            if kind == "json" and value is not None and (name, f.key) != ("config", "value"):  # any JSON
                assert isinstance(value, dict | list), (name, f.key, value)


async def test_the_seeded_demo_syncs_a_customer_and_takes_an_offline_write(make_client, settings_factory,
                                                                           tmp_path) -> None:
    """`fieldsync demo` on SQLite without Redis: the seeded customer's first pull holds their
    marketplace, an offline cancel pushed later applies, and the next pull brings it back as
    no news (same version) while the provider's pull sees the cancellation."""
    import asyncio
    import contextvars
    from uuid import uuid4

    from app.migrate import migrate
    from app.seed import DEMO_PASSWORD, demo_email, seed_demo
    from tests.support.identity import login
    from tests.support.sync import Replica, flush
    from tests.support.sync_schema import change_validator, invalid_changes, openapi
    from tests.test_sync_push import cancel, push

    url = f"sqlite://{tmp_path / 'fresh-demo.sqlite3'}"
    settings = settings_factory(database_url=url, redis_url=None)
    await asyncio.create_task(migrate(url), context=contextvars.Context())
    await asyncio.create_task(seed_demo(settings), context=contextvars.Context())
    client = await make_client(database_url=url, redis_url=None)
    customer = await login(client, demo_email("customer"), DEMO_PASSWORD)
    provider = await login(client, demo_email("provider"), DEMO_PASSWORD)

    phone = Replica(customer)
    await phone.catch_up(client, limit=50, client_id=str(device := uuid4()))
    assert phone.rows[("users", customer.id)]["email"] == demo_email("customer")
    assert len(phone.ids("zones")) == 4 and len(phone.ids("categories")) > 30
    bookings = {row_id: phone.rows[("bookings", row_id)] for row_id in phone.ids("bookings")}
    states = {row["state"] for row in bookings.values()}
    assert {"requested", "completed", "cancelled"} <= states and phone.ids("booking_transitions")
    assert all(row["customer_id"] == customer.id for row in bookings.values())
    assert phone.ids("reviews") and phone.ids("services")
    problems = invalid_changes(change_validator(await openapi(client)), phone.changes)
    assert not problems, "\n".join(problems[:30])  # the demo's rows, as typed in OpenAPI

    requested = next(row for row in bookings.values() if row["state"] == "requested")
    answer = await push(client, customer, str(device), cancel(1, requested["id"], requested["version"]))
    (result,) = answer["results"]
    assert result["status"] == "applied" and result["data"]["state"] == "cancelled"
    await flush(client)
    page = await phone.catch_up(client, client_id=str(device))
    assert page["last_mutation_id"] == 1
    assert phone.rows[("bookings", requested["id"])]["state"] == "cancelled"
    assert phone.versions[("bookings", requested["id"])] == result["version"]
    office = Replica(provider)
    await office.catch_up(client)
    assert office.ids("organisations") and office.ids("bookings")  # their business's bookings
    assert all(office.rows[("bookings", b)]["organisation_id"] in office.ids("organisations")
               for b in office.ids("bookings"))
    if requested["organisation_id"] in office.ids("organisations"):
        assert office.rows[("bookings", requested["id"])]["state"] == "cancelled"


async def test_op_ids_are_commit_order_and_a_tick_waits_for_the_open_transaction(client) -> None:
    """Why SQLite needs no transaction ids (sync/sqlite.py): one writer at a time, so a tick
    asked for while a transaction is open is stamped after that commit and covers it; ticks
    grow with op ids, and a tick is one group (txpos = its highest op id)."""
    import asyncio

    from tortoise.connection import connections
    from tortoise.transactions import in_transaction

    from domain.bookings.models import Booking
    from tests.support.identity import register
    from tests.support.sync import Replica, make_booking, sync_of

    customer = await register(client, "customer")
    slow, fast = await make_booking(customer.id), await make_booking(customer.id)
    sync, events = sync_of(client), []
    started = asyncio.Event()

    async def slow_writer() -> None:
        async with in_transaction() as conn:
            await Booking.filter(id=slow).using_db(conn).update(notes="slow")
            started.set()
            await asyncio.sleep(0.3)  # others queue behind the open transaction meanwhile
        events.append("slow committed")

    async def fast_writer() -> None:
        await started.wait()
        await Booking.filter(id=fast).update(notes="fast")
        events.append("fast committed")

    async def position() -> int:
        await started.wait()
        value = int(await sync.visible_cursor() or 0)
        events.append("position")
        return value

    _, _, at = await asyncio.gather(slow_writer(), fast_writer(), position())
    assert events.index("slow committed") < events.index("position")
    _, rows = await connections.get("default").execute_query(
        "SELECT row_id, max(tick) AS tick FROM sync_op WHERE collection = 'bookings' AND data LIKE '%\"slow\"%' "
        "GROUP BY row_id")
    assert [(row["row_id"], row["tick"] <= at) for row in rows] == [(slow, True)]
    await sync.ticker.flush()
    _, disorder = await connections.get("default").execute_query(
        "SELECT count(*) AS n FROM sync_op AS a JOIN sync_op AS b ON a.id < b.id AND a.tick > b.tick")
    _, groups = await connections.get("default").execute_query(
        "SELECT tick FROM sync_op GROUP BY tick HAVING count(DISTINCT txpos) > 1 OR max(txpos) <> max(id)")
    assert disorder[0]["n"] == 0 and groups == []
    replica = Replica(customer)
    await replica.catch_up(client)
    assert replica.rows[("bookings", slow)]["notes"] == "slow" and replica.rows[("bookings", fast)]["notes"] == "fast"


async def test_a_demo_file_from_before_capture_is_backfilled_once(make_client, settings_factory, tmp_path) -> None:
    """A kept demo file (KEEP_DEMO_DB=1) written without triggers: the next `fieldsync migrate`
    installs them and writes ops and grants for its rows, so its users sync what they see;
    migrating again reinstalls the triggers without a second backfill."""
    import asyncio
    import contextvars
    import sqlite3

    from app.migrate import migrate
    from app.seed import DEMO_PASSWORD, demo_email, seed_demo
    from sync.sqlgen_sqlite import MARKER
    from tests.support.identity import login
    from tests.support.sync import Replica, flush

    path = tmp_path / "old-demo.sqlite3"
    url = f"sqlite://{path}"

    def run(coro) -> asyncio.Task:
        return asyncio.create_task(coro, context=contextvars.Context())

    def strip_capture() -> int:
        with sqlite3.connect(path) as conn:
            names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                f"AND name LIKE '{MARKER}%'")]
            for name in names:
                conn.execute(f"DROP TRIGGER {name}")
            conn.execute("DELETE FROM sync_op_pending")
            conn.execute("DELETE FROM sync_grant")
        return len(names)

    def ops() -> int:
        with sqlite3.connect(path) as conn:
            return int(conn.execute("SELECT count(*) FROM sync_op_pending").fetchone()[0])

    await run(migrate(url))
    assert strip_capture() > 40  # as the schema was before delta sync on SQLite
    await run(seed_demo(settings_factory(database_url=url, redis_url=None)))
    assert ops() == 0
    await run(migrate(url))
    backfilled = ops()
    assert backfilled > 100
    await run(migrate(url))
    assert ops() == backfilled

    client = await make_client(database_url=url, redis_url=None)
    await flush(client)
    serviceman = await login(client, demo_email("pipes"), DEMO_PASSWORD)
    phone = Replica(serviceman)
    await phone.catch_up(client)
    assert phone.ids("organisations") and phone.ids("memberships")  # granted through the backfilled grants
    assert phone.ids("bookings") and len(phone.ids("zones")) == 4


async def test_every_registry_table_has_its_sqlite_triggers(client) -> None:
    from tortoise.connection import connections

    from sync.collections import COLLECTIONS
    from sync.grants import RULES
    from sync.sqlgen_sqlite import MARKER

    _, rows = await connections.get("default").execute_query(
        "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?1", [f"{MARKER}%"])
    installed = {(row["tbl_name"], row["name"]) for row in rows}
    for table in {c.table for c in COLLECTIONS} | {rule.table for rule in RULES}:
        for op in ("insert", "update", "delete"):
            assert (table, f"{MARKER}{op}_{table}") in installed
