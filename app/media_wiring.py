"""The uploads' construction (issue 14): the object store the settings name, the malware
scanner, and the media service over them; the store's lifecycle (an S3 client is opened at
start and closed at shutdown)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta

from aiohttp import web

from app.settings import Settings
from domain.media.ports import MalwareScanner, ObjectStore, PassThroughScanner
from domain.media.rules import rules_with
from domain.media.services import Media, MediaConfig
from infra.media_disk import DiskStore
from infra.media_s3 import S3Config, S3Store


def make_store(settings: Settings) -> ObjectStore:
    if settings.media_storage == "s3":
        assert settings.media_s3_bucket is not None  # checked by the settings
        secret = settings.media_s3_secret_access_key
        return S3Store(S3Config(
            bucket=settings.media_s3_bucket, region=settings.media_s3_region,
            endpoint_url=settings.media_s3_endpoint_url, access_key_id=settings.media_s3_access_key_id,
            secret_access_key=secret.get_secret_value() if secret else None,
            create_bucket=settings.media_s3_create_bucket))
    return DiskStore(settings.media_local_dir, settings.media_signing_key.get_secret_value().encode(),
                     settings.public_base_url)


def make_media(settings: Settings, scanner: MalwareScanner | None = None) -> Media:
    config = MediaConfig(rules=rules_with(settings.media_max_bytes, settings.media_retention_days),
                         upload_ttl_seconds=settings.media_upload_ttl_seconds,
                         download_ttl_seconds=settings.media_download_ttl_seconds,
                         orphan_after=timedelta(hours=settings.media_orphan_hours))
    return Media(make_store(settings), scanner or PassThroughScanner(), config)


def store_contexts(media: Media) -> list[Callable[[web.Application], AsyncIterator[None]]]:
    store = media.store
    if not isinstance(store, S3Store):
        return []

    async def context(_app: web.Application) -> AsyncIterator[None]:
        async for _ in store.context():
            yield

    return [context]
