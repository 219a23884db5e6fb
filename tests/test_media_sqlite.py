"""Uploads on the embedded default (`./dev run`): SQLite and the local disk store, served
through the signed /v1/files routes. The same tests as on PostgreSQL, where they apply."""

from __future__ import annotations

import pytest

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_media import test_a_local_download_url_expires
from tests.test_media_attach import (
    test_a_message_attachment_by_upload_id_is_read_by_the_parties_only,
    test_orphans_are_swept_and_attached_uploads_stay,
)
from tests.test_media_profile import test_a_profile_photo_is_an_upload_everyone_signed_in_may_see
from tests.test_media_profile import test_uploads_sync_to_their_owner_as_metadata_only as _sync_test

pytestmark = pytest.mark.integration

__all__ = ["client", "make_client", "sqlite_template", "test_a_local_download_url_expires",
           "test_a_message_attachment_by_upload_id_is_read_by_the_parties_only",
           "test_a_profile_photo_is_an_upload_everyone_signed_in_may_see",
           "test_orphans_are_swept_and_attached_uploads_stay", "test_uploads_sync_to_their_owner_on_sqlite"]


async def test_uploads_sync_to_their_owner_on_sqlite(client) -> None:
    await _sync_test(client)
