"""Delta sync on SQLite (the `./dev run` demo): the triggers of sync/sqlgen_sqlite.py capture
every collection, and the PostgreSQL suites' essential behaviours hold there too. Imported test
functions run here against the app on a fresh SQLite file (tests/sqlite_app.py overrides the
`client` and `make_client` fixtures for this module)."""

from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_sync_capture import FACTORIES
from tests.test_sync_capture import test_bulk_update_and_delete_are_captured as capture_of
from tests.test_sync_capture import test_ops_belong_to_the_writing_transaction  # noqa: F401
from tests.test_sync_pull import (  # noqa: F401
    test_checksums_match_what_the_client_holds,
    test_cursors_are_signed_and_bound_to_user_client_and_collections,
    test_deltas_carry_tombstones_and_one_change_per_row_per_page,
    test_snapshot_paged_while_writes_go_on_then_deltas_equal_a_fresh_snapshot,
    test_the_collections_filter,
)

__all__ = ["client", "make_client", "sqlite_template"]


async def test_every_collection_is_captured_with_bulk_update_and_delete(client) -> None:
    for name in sorted(FACTORIES):
        await capture_of(client, name)
