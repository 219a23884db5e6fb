"""The object store on S3 or any S3-compatible service (MinIO, R2, moto's server in tests),
through aiobotocore. Objects are private (the bucket should block public access too); every
URL handed out is presigned (SigV4) and short-lived. One client per process, opened at start."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import quote

from botocore.exceptions import ClientError

from domain.media.ports import SignedRequest
from domain.shared import clock


@dataclass(frozen=True)
class S3Config:
    bucket: str
    region: str
    endpoint_url: str | None = None  # None: AWS itself
    access_key_id: str | None = None  # None: the default credential chain (role, env, profile)
    secret_access_key: str | None = None
    create_bucket: bool = False  # tests and local MinIO; production buckets exist already


class S3Store:
    def __init__(self, config: S3Config) -> None:
        self.config = config
        self._client: Any = None
        self._stack = contextlib.AsyncExitStack()

    async def open(self) -> None:
        # aiobotocore is imported when a store opens: S3 deployments only, not every start-up.
        from aiobotocore.config import AioConfig
        from aiobotocore.session import get_session

        c = self.config
        session = get_session()
        self._client = await self._stack.enter_async_context(session.create_client(
            "s3", region_name=c.region, endpoint_url=c.endpoint_url, aws_access_key_id=c.access_key_id,
            aws_secret_access_key=c.secret_access_key,
            config=AioConfig(signature_version="s3v4", retries={"max_attempts": 3, "mode": "standard"},
                             s3={"addressing_style": "path" if c.endpoint_url else "auto"})))
        if c.create_bucket:
            with contextlib.suppress(ClientError):  # it exists already
                await self._client.create_bucket(Bucket=c.bucket)

    async def close(self) -> None:
        await self._stack.aclose()
        self._client = None

    async def context(self) -> AsyncIterator[None]:
        await self.open()
        try:
            yield
        finally:
            await self.close()

    @property
    def client(self) -> Any:
        if self._client is None:
            raise RuntimeError("the S3 store is not open (its lifecycle did not start)")
        return self._client

    async def sign_upload(self, key: str, content_type: str, size: int, ttl_seconds: int) -> SignedRequest:
        url = await self.client.generate_presigned_url(
            "put_object", Params={"Bucket": self.config.bucket, "Key": key, "ContentType": content_type},
            ExpiresIn=ttl_seconds)
        return SignedRequest("PUT", url, clock.utcnow() + timedelta(seconds=ttl_seconds),
                             {"Content-Type": content_type})

    async def sign_download(self, key: str, content_type: str, filename: str | None,
                            ttl_seconds: int) -> SignedRequest:
        disposition = "attachment" + (f"; filename*=UTF-8''{quote(filename)}" if filename else "")
        url = await self.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.config.bucket, "Key": key, "ResponseContentType": content_type,
                                  "ResponseContentDisposition": disposition}, ExpiresIn=ttl_seconds)
        return SignedRequest("GET", url, clock.utcnow() + timedelta(seconds=ttl_seconds))

    async def read(self, key: str, limit: int) -> bytes | None:
        try:
            response = await self.client.get_object(Bucket=self.config.bucket, Key=key, Range=f"bytes=0-{limit - 1}")
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "InvalidRange"):
                return None
            raise
        async with response["Body"] as body:
            data: bytes = await body.read()
        return data

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        await self.client.put_object(Bucket=self.config.bucket, Key=key, Body=data, ContentType=content_type)

    async def delete(self, key: str) -> None:
        await self.client.delete_object(Bucket=self.config.bucket, Key=key)
