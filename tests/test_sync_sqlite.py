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
from tests.test_sync_story import (
    test_a_participant_added_removed_and_added_again_converges,
    test_offline_for_a_day_new_crew_and_past_retention,
)
from tests.test_sync_visibility import test_concurrent_writers_see_their_commit_at_the_position_they_get

__all__ = ["client", "make_client", "sqlite_template"]


async def test_every_collection_is_captured_with_bulk_update_and_delete(client) -> None:
    for name in sorted(FACTORIES):
        await capture_of(client, name)
